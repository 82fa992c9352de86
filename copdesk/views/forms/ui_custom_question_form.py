# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'custom_question_form.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QSizePolicy, QSpacerItem,
    QWidget)

from copdesk.views.widgets.bounded_editor import BoundedPlainTextEdit

class Ui_CustomQuestionForm(object):
    def setupUi(self, customQuestionForm):
        if not customQuestionForm.objectName():
            customQuestionForm.setObjectName(u"customQuestionForm")
        self.form = QFormLayout(customQuestionForm)
        self.form.setObjectName(u"form")
        self.form.setContentsMargins(0, 0, 0, 0)
        self.questionLabel = QLabel(customQuestionForm)
        self.questionLabel.setObjectName(u"questionLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.questionLabel)

        self.textEdit = BoundedPlainTextEdit(customQuestionForm)
        self.textEdit.setObjectName(u"textEdit")
        self.textEdit.setMaximumSize(QSize(16777215, 96))

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.textEdit)

        self.categoryLabel = QLabel(customQuestionForm)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.categoryLabel)

        self.categoryCombo = QComboBox(customQuestionForm)
        self.categoryCombo.setObjectName(u"categoryCombo")
        self.categoryCombo.setEditable(True)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.categoryCombo)

        self.modelLabel = QLabel(customQuestionForm)
        self.modelLabel.setObjectName(u"modelLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.modelLabel)

        self.modelEdit = QLineEdit(customQuestionForm)
        self.modelEdit.setObjectName(u"modelEdit")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.modelEdit)

        self.phasesLabel = QLabel(customQuestionForm)
        self.phasesLabel.setObjectName(u"phasesLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.phasesLabel)

        self.phasesRow = QHBoxLayout()
        self.phasesRow.setObjectName(u"phasesRow")
        self.phasesSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.phasesRow.addItem(self.phasesSpacer)


        self.form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.phasesRow)

        self.kindLabel = QLabel(customQuestionForm)
        self.kindLabel.setObjectName(u"kindLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(customQuestionForm)
        self.kindCombo.setObjectName(u"kindCombo")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.funnelLabel = QLabel(customQuestionForm)
        self.funnelLabel.setObjectName(u"funnelLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.funnelLabel)

        self.funnelCombo = QComboBox(customQuestionForm)
        self.funnelCombo.setObjectName(u"funnelCombo")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.funnelCombo)

        self.cautionLabel = QLabel(customQuestionForm)
        self.cautionLabel.setObjectName(u"cautionLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.cautionLabel)

        self.cautionEdit = QLineEdit(customQuestionForm)
        self.cautionEdit.setObjectName(u"cautionEdit")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.cautionEdit)

        self.sourceLabel = QLabel(customQuestionForm)
        self.sourceLabel.setObjectName(u"sourceLabel")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.sourceLabel)

        self.sourceEdit = QLineEdit(customQuestionForm)
        self.sourceEdit.setObjectName(u"sourceEdit")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.sourceEdit)

#if QT_CONFIG(shortcut)
        self.questionLabel.setBuddy(self.textEdit)
        self.categoryLabel.setBuddy(self.categoryCombo)
        self.modelLabel.setBuddy(self.modelEdit)
        self.kindLabel.setBuddy(self.kindCombo)
        self.funnelLabel.setBuddy(self.funnelCombo)
        self.cautionLabel.setBuddy(self.cautionEdit)
        self.sourceLabel.setBuddy(self.sourceEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(customQuestionForm)

        QMetaObject.connectSlotsByName(customQuestionForm)
    # setupUi

    def retranslateUi(self, customQuestionForm):
        self.questionLabel.setText(QCoreApplication.translate("CustomQuestionForm", u"&Question", None))
#if QT_CONFIG(accessibility)
        self.textEdit.setAccessibleName(QCoreApplication.translate("CustomQuestionForm", u"Question text", None))
#endif // QT_CONFIG(accessibility)
        self.textEdit.setPlaceholderText(QCoreApplication.translate("CustomQuestionForm", u"The question, as you would ask it", None))
        self.categoryLabel.setText(QCoreApplication.translate("CustomQuestionForm", u"C&ategory", None))
#if QT_CONFIG(tooltip)
        self.categoryCombo.setToolTip(QCoreApplication.translate("CustomQuestionForm", u"A category of your own; the masterclass's categories are kept for its questions", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.categoryCombo.setAccessibleName(QCoreApplication.translate("CustomQuestionForm", u"Category", None))
#endif // QT_CONFIG(accessibility)
        self.modelLabel.setText(QCoreApplication.translate("CustomQuestionForm", u"&Model", None))
#if QT_CONFIG(accessibility)
        self.modelEdit.setAccessibleName(QCoreApplication.translate("CustomQuestionForm", u"Model", None))
#endif // QT_CONFIG(accessibility)
        self.phasesLabel.setText(QCoreApplication.translate("CustomQuestionForm", u"Offer while", None))
        self.kindLabel.setText(QCoreApplication.translate("CustomQuestionForm", u"&Kind", None))
#if QT_CONFIG(accessibility)
        self.kindCombo.setAccessibleName(QCoreApplication.translate("CustomQuestionForm", u"Kind", None))
#endif // QT_CONFIG(accessibility)
        self.funnelLabel.setText(QCoreApplication.translate("CustomQuestionForm", u"&Funnel", None))
#if QT_CONFIG(accessibility)
        self.funnelCombo.setAccessibleName(QCoreApplication.translate("CustomQuestionForm", u"Funnel level", None))
#endif // QT_CONFIG(accessibility)
        self.cautionLabel.setText(QCoreApplication.translate("CustomQuestionForm", u"&Caution", None))
        self.cautionEdit.setPlaceholderText(QCoreApplication.translate("CustomQuestionForm", u"Optional: when to take care with it", None))
#if QT_CONFIG(accessibility)
        self.cautionEdit.setAccessibleName(QCoreApplication.translate("CustomQuestionForm", u"Caution", None))
#endif // QT_CONFIG(accessibility)
        self.sourceLabel.setText(QCoreApplication.translate("CustomQuestionForm", u"&Source", None))
#if QT_CONFIG(accessibility)
        self.sourceEdit.setAccessibleName(QCoreApplication.translate("CustomQuestionForm", u"Source", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

