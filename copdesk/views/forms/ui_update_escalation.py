# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'update_escalation.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QSizePolicy,
    QVBoxLayout, QWidget)

from copdesk.views.widgets.bounded_editor import BoundedPlainTextEdit

class Ui_UpdateEscalationDialog(object):
    def setupUi(self, updateEscalationDialog):
        if not updateEscalationDialog.objectName():
            updateEscalationDialog.setObjectName(u"updateEscalationDialog")
        self.mainLayout = QVBoxLayout(updateEscalationDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headingLabel = QLabel(updateEscalationDialog)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.headingLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.statusLabel = QLabel(updateEscalationDialog)
        self.statusLabel.setObjectName(u"statusLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.statusCombo = QComboBox(updateEscalationDialog)
        self.statusCombo.setObjectName(u"statusCombo")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.statusCombo)

        self.outcomeLabel = QLabel(updateEscalationDialog)
        self.outcomeLabel.setObjectName(u"outcomeLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.outcomeLabel)

        self.outcomeEdit = BoundedPlainTextEdit(updateEscalationDialog)
        self.outcomeEdit.setObjectName(u"outcomeEdit")
        self.outcomeEdit.setMinimumSize(QSize(0, 90))
        self.outcomeEdit.setMaximumSize(QSize(16777215, 90))
        self.outcomeEdit.setTabChangesFocus(True)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.outcomeEdit)


        self.mainLayout.addLayout(self.form)

        self.messageLabel = QLabel(updateEscalationDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.buttonBox = QDialogButtonBox(updateEscalationDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.statusLabel.setBuddy(self.statusCombo)
        self.outcomeLabel.setBuddy(self.outcomeEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(updateEscalationDialog)

        QMetaObject.connectSlotsByName(updateEscalationDialog)
    # setupUi

    def retranslateUi(self, updateEscalationDialog):
        updateEscalationDialog.setWindowTitle(QCoreApplication.translate("UpdateEscalationDialog", u"Escalation outcome", None))
        self.headingLabel.setText("")
        self.statusLabel.setText(QCoreApplication.translate("UpdateEscalationDialog", u"&Status", None))
#if QT_CONFIG(accessibility)
        self.statusCombo.setAccessibleName(QCoreApplication.translate("UpdateEscalationDialog", u"Status", None))
#endif // QT_CONFIG(accessibility)
        self.outcomeLabel.setText(QCoreApplication.translate("UpdateEscalationDialog", u"&Outcome", None))
#if QT_CONFIG(accessibility)
        self.outcomeEdit.setAccessibleName(QCoreApplication.translate("UpdateEscalationDialog", u"Outcome", None))
#endif // QT_CONFIG(accessibility)
        self.outcomeEdit.setPlaceholderText(QCoreApplication.translate("UpdateEscalationDialog", u"What the response was, and what happens next", None))
        self.messageLabel.setText("")
    # retranslateUi

