# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'new_escalation.ui'
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

class Ui_NewEscalationDialog(object):
    def setupUi(self, newEscalationDialog):
        if not newEscalationDialog.objectName():
            newEscalationDialog.setObjectName(u"newEscalationDialog")
        self.mainLayout = QVBoxLayout(newEscalationDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.leadLabel = QLabel(newEscalationDialog)
        self.leadLabel.setObjectName(u"leadLabel")
        self.leadLabel.setWordWrap(True)
        self.leadLabel.setProperty(u"role", u"hint")

        self.mainLayout.addWidget(self.leadLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.issueLabel = QLabel(newEscalationDialog)
        self.issueLabel.setObjectName(u"issueLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.issueLabel)

        self.issueCombo = QComboBox(newEscalationDialog)
        self.issueCombo.setObjectName(u"issueCombo")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.issueCombo)

        self.targetLabel = QLabel(newEscalationDialog)
        self.targetLabel.setObjectName(u"targetLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.targetLabel)

        self.targetCombo = QComboBox(newEscalationDialog)
        self.targetCombo.setObjectName(u"targetCombo")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.targetCombo)

        self.raisedLabel = QLabel(newEscalationDialog)
        self.raisedLabel.setObjectName(u"raisedLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.raisedLabel)

        self.raisedEdit = QDateEdit(newEscalationDialog)
        self.raisedEdit.setObjectName(u"raisedEdit")
        self.raisedEdit.setCalendarPopup(True)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.raisedEdit)

        self.dueLabel = QLabel(newEscalationDialog)
        self.dueLabel.setObjectName(u"dueLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.dueLabel)


        self.mainLayout.addLayout(self.form)

        self.messageLabel = QLabel(newEscalationDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.buttonBox = QDialogButtonBox(newEscalationDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.issueLabel.setBuddy(self.issueCombo)
        self.targetLabel.setBuddy(self.targetCombo)
        self.raisedLabel.setBuddy(self.raisedEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(newEscalationDialog)

        QMetaObject.connectSlotsByName(newEscalationDialog)
    # setupUi

    def retranslateUi(self, newEscalationDialog):
        newEscalationDialog.setWindowTitle(QCoreApplication.translate("NewEscalationDialog", u"Escalate an issue", None))
        self.leadLabel.setText("")
        self.issueLabel.setText(QCoreApplication.translate("NewEscalationDialog", u"&Issue", None))
#if QT_CONFIG(accessibility)
        self.issueCombo.setAccessibleName(QCoreApplication.translate("NewEscalationDialog", u"Issue to escalate", None))
#endif // QT_CONFIG(accessibility)
        self.targetLabel.setText(QCoreApplication.translate("NewEscalationDialog", u"Escalate &to", None))
#if QT_CONFIG(accessibility)
        self.targetCombo.setAccessibleName(QCoreApplication.translate("NewEscalationDialog", u"Escalate to", None))
#endif // QT_CONFIG(accessibility)
        self.raisedLabel.setText(QCoreApplication.translate("NewEscalationDialog", u"&Raised on", None))
        self.raisedEdit.setDisplayFormat(QCoreApplication.translate("NewEscalationDialog", u"ddd d MMM yyyy", None))
#if QT_CONFIG(accessibility)
        self.raisedEdit.setAccessibleName(QCoreApplication.translate("NewEscalationDialog", u"Raised on", None))
#endif // QT_CONFIG(accessibility)
        self.dueLabel.setText(QCoreApplication.translate("NewEscalationDialog", u"Response &due", None))
        self.messageLabel.setText("")
    # retranslateUi

