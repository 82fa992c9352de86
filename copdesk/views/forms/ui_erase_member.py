# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'erase_member.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDialog,
    QFormLayout, QHBoxLayout, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

from copdesk.views.widgets.scrolling_words import ScrollingWords

class Ui_EraseMemberDialog(object):
    def setupUi(self, eraseMemberDialog):
        if not eraseMemberDialog.objectName():
            eraseMemberDialog.setObjectName(u"eraseMemberDialog")
        eraseMemberDialog.setMinimumSize(QSize(560, 0))
        self.mainLayout = QVBoxLayout(eraseMemberDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(eraseMemberDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.memberLabel = QLabel(eraseMemberDialog)
        self.memberLabel.setObjectName(u"memberLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.memberLabel)

        self.memberCombo = QComboBox(eraseMemberDialog)
        self.memberCombo.setObjectName(u"memberCombo")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.memberCombo)


        self.mainLayout.addLayout(self.form)

        self.previewLabel = QLabel(eraseMemberDialog)
        self.previewLabel.setObjectName(u"previewLabel")
        self.previewLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.previewLabel)

        self.confirmCheck = QCheckBox(eraseMemberDialog)
        self.confirmCheck.setObjectName(u"confirmCheck")

        self.mainLayout.addWidget(self.confirmCheck)

        self.resultScroll = ScrollingWords(eraseMemberDialog)
        self.resultScroll.setObjectName(u"resultScroll")
        self.resultContents = QWidget()
        self.resultContents.setObjectName(u"resultContents")
        self.resultLayout = QVBoxLayout(self.resultContents)
        self.resultLayout.setObjectName(u"resultLayout")
        self.resultLayout.setContentsMargins(0, 0, 0, 0)
        self.resultLabel = QLabel(self.resultContents)
        self.resultLabel.setObjectName(u"resultLabel")
        self.resultLabel.setWordWrap(True)
        self.resultLabel.setProperty(u"role", u"hint")

        self.resultLayout.addWidget(self.resultLabel)

        self.resultScroll.setWidget(self.resultContents)

        self.mainLayout.addWidget(self.resultScroll)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.deleteDamagedButton = QPushButton(eraseMemberDialog)
        self.deleteDamagedButton.setObjectName(u"deleteDamagedButton")
        self.deleteDamagedButton.setVisible(False)

        self.buttonRow.addWidget(self.deleteDamagedButton)

        self.retryButton = QPushButton(eraseMemberDialog)
        self.retryButton.setObjectName(u"retryButton")
        self.retryButton.setVisible(False)

        self.buttonRow.addWidget(self.retryButton)

        self.buttonRowSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonRowSpacer)

        self.closeButton = QPushButton(eraseMemberDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonRow.addWidget(self.closeButton)

        self.eraseButton = QPushButton(eraseMemberDialog)
        self.eraseButton.setObjectName(u"eraseButton")
        self.eraseButton.setProperty(u"primary", True)

        self.buttonRow.addWidget(self.eraseButton)


        self.mainLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.memberLabel.setBuddy(self.memberCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(eraseMemberDialog)

        self.closeButton.setDefault(True)


        QMetaObject.connectSlotsByName(eraseMemberDialog)
    # setupUi

    def retranslateUi(self, eraseMemberDialog):
        eraseMemberDialog.setWindowTitle(QCoreApplication.translate("EraseMemberDialog", u"Erase a member's data", None))
        self.introLabel.setText(QCoreApplication.translate("EraseMemberDialog", u"When someone asks for their data to be erased: their contributions and attendance go, the actions they owned keep their text but lose the owner, and they leave the roster. Backups are cleaned the same way. The audit log records that an erasure happened, never the name.", None))
        self.memberLabel.setText(QCoreApplication.translate("EraseMemberDialog", u"&Member", None))
#if QT_CONFIG(accessibility)
        self.memberCombo.setAccessibleName(QCoreApplication.translate("EraseMemberDialog", u"Member to erase", None))
#endif // QT_CONFIG(accessibility)
        self.previewLabel.setText("")
        self.confirmCheck.setText(QCoreApplication.translate("EraseMemberDialog", u"I understand that this cannot be undone", None))
#if QT_CONFIG(accessibility)
        self.confirmCheck.setAccessibleName(QCoreApplication.translate("EraseMemberDialog", u"Confirm erasing this member's data", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.resultScroll.setAccessibleName(QCoreApplication.translate("EraseMemberDialog", u"What was done", None))
#endif // QT_CONFIG(accessibility)
        self.resultLabel.setText("")
        self.deleteDamagedButton.setText(QCoreApplication.translate("EraseMemberDialog", u"Delete the damaged &copies", None))
#if QT_CONFIG(accessibility)
        self.deleteDamagedButton.setAccessibleName(QCoreApplication.translate("EraseMemberDialog", u"Delete the damaged backups, which cannot be cleaned", None))
#endif // QT_CONFIG(accessibility)
        self.retryButton.setText(QCoreApplication.translate("EraseMemberDialog", u"Try &again", None))
#if QT_CONFIG(accessibility)
        self.retryButton.setAccessibleName(QCoreApplication.translate("EraseMemberDialog", u"Try again to clean the backups not cleaned this time", None))
#endif // QT_CONFIG(accessibility)
        self.closeButton.setText(QCoreApplication.translate("EraseMemberDialog", u"Close", None))
#if QT_CONFIG(accessibility)
        self.closeButton.setAccessibleName(QCoreApplication.translate("EraseMemberDialog", u"Close this dialog", None))
#endif // QT_CONFIG(accessibility)
        self.eraseButton.setText(QCoreApplication.translate("EraseMemberDialog", u"&Erase", None))
#if QT_CONFIG(accessibility)
        self.eraseButton.setAccessibleName(QCoreApplication.translate("EraseMemberDialog", u"Erase the selected member's data", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

