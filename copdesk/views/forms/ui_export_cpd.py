# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'export_cpd.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_CpdDialog(object):
    def setupUi(self, cpdDialog):
        if not cpdDialog.objectName():
            cpdDialog.setObjectName(u"cpdDialog")
        cpdDialog.setMinimumSize(QSize(520, 0))
        self.mainLayout = QVBoxLayout(cpdDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(cpdDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)
        self.introLabel.setProperty(u"role", u"hint")

        self.mainLayout.addWidget(self.introLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.memberLabel = QLabel(cpdDialog)
        self.memberLabel.setObjectName(u"memberLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.memberLabel)

        self.memberCombo = QComboBox(cpdDialog)
        self.memberCombo.setObjectName(u"memberCombo")
        self.memberCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.memberCombo.setMinimumContentsLength(36)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.memberCombo)

        self.firstLabel = QLabel(cpdDialog)
        self.firstLabel.setObjectName(u"firstLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.firstLabel)

        self.firstEdit = QDateEdit(cpdDialog)
        self.firstEdit.setObjectName(u"firstEdit")
        self.firstEdit.setCalendarPopup(True)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.firstEdit)

        self.lastLabel = QLabel(cpdDialog)
        self.lastLabel.setObjectName(u"lastLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.lastLabel)

        self.lastEdit = QDateEdit(cpdDialog)
        self.lastEdit.setObjectName(u"lastEdit")
        self.lastEdit.setCalendarPopup(True)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.lastEdit)

        self.formatLabel = QLabel(cpdDialog)
        self.formatLabel.setObjectName(u"formatLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.formatLabel)

        self.formatCombo = QComboBox(cpdDialog)
        self.formatCombo.setObjectName(u"formatCombo")
        self.formatCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.formatCombo.setMinimumContentsLength(36)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.formatCombo)


        self.mainLayout.addLayout(self.form)

        self.errorLabel = QLabel(cpdDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setProperty(u"level", u"red")

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(cpdDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.memberLabel.setBuddy(self.memberCombo)
        self.firstLabel.setBuddy(self.firstEdit)
        self.lastLabel.setBuddy(self.lastEdit)
        self.formatLabel.setBuddy(self.formatCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(cpdDialog)

        QMetaObject.connectSlotsByName(cpdDialog)
    # setupUi

    def retranslateUi(self, cpdDialog):
        cpdDialog.setWindowTitle(QCoreApplication.translate("CpdDialog", u"Export CPD peer reflection evidence", None))
        self.introLabel.setText(QCoreApplication.translate("CpdDialog", u"Evidence for one practitioner's Social Work England CPD: the sessions they attended, with topics and learning points. It holds that practitioner's data only.", None))
        self.memberLabel.setText(QCoreApplication.translate("CpdDialog", u"&Practitioner", None))
#if QT_CONFIG(accessibility)
        self.memberCombo.setAccessibleName(QCoreApplication.translate("CpdDialog", u"Practitioner", None))
#endif // QT_CONFIG(accessibility)
        self.firstLabel.setText(QCoreApplication.translate("CpdDialog", u"F&rom", None))
        self.firstEdit.setDisplayFormat(QCoreApplication.translate("CpdDialog", u"d MMM yyyy", None))
#if QT_CONFIG(accessibility)
        self.firstEdit.setAccessibleName(QCoreApplication.translate("CpdDialog", u"From", None))
#endif // QT_CONFIG(accessibility)
        self.lastLabel.setText(QCoreApplication.translate("CpdDialog", u"&To", None))
        self.lastEdit.setDisplayFormat(QCoreApplication.translate("CpdDialog", u"d MMM yyyy", None))
#if QT_CONFIG(accessibility)
        self.lastEdit.setAccessibleName(QCoreApplication.translate("CpdDialog", u"To", None))
#endif // QT_CONFIG(accessibility)
        self.formatLabel.setText(QCoreApplication.translate("CpdDialog", u"&Format", None))
#if QT_CONFIG(accessibility)
        self.formatCombo.setAccessibleName(QCoreApplication.translate("CpdDialog", u"File format", None))
#endif // QT_CONFIG(accessibility)
        self.errorLabel.setText("")
#if QT_CONFIG(accessibility)
        self.buttonBox.setAccessibleName(QCoreApplication.translate("CpdDialog", u"Export or cancel", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

