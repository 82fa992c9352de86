# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'retention.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QDialog, QFormLayout,
    QHBoxLayout, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QSpinBox, QVBoxLayout, QWidget)

from copdesk.views.widgets.scrolling_words import ScrollingWords

class Ui_RetentionDialog(object):
    def setupUi(self, retentionDialog):
        if not retentionDialog.objectName():
            retentionDialog.setObjectName(u"retentionDialog")
        retentionDialog.setMinimumSize(QSize(560, 0))
        self.mainLayout = QVBoxLayout(retentionDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(retentionDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.monthsLabel = QLabel(retentionDialog)
        self.monthsLabel.setObjectName(u"monthsLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.monthsLabel)

        self.monthsSpin = QSpinBox(retentionDialog)
        self.monthsSpin.setObjectName(u"monthsSpin")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.monthsSpin)


        self.mainLayout.addLayout(self.form)

        self.previewLabel = QLabel(retentionDialog)
        self.previewLabel.setObjectName(u"previewLabel")
        self.previewLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.previewLabel)

        self.confirmCheck = QCheckBox(retentionDialog)
        self.confirmCheck.setObjectName(u"confirmCheck")

        self.mainLayout.addWidget(self.confirmCheck)

        self.resultScroll = ScrollingWords(retentionDialog)
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
        self.deleteDamagedButton = QPushButton(retentionDialog)
        self.deleteDamagedButton.setObjectName(u"deleteDamagedButton")
        self.deleteDamagedButton.setVisible(False)

        self.buttonRow.addWidget(self.deleteDamagedButton)

        self.retryButton = QPushButton(retentionDialog)
        self.retryButton.setObjectName(u"retryButton")
        self.retryButton.setVisible(False)

        self.buttonRow.addWidget(self.retryButton)

        self.buttonRowSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonRowSpacer)

        self.closeButton = QPushButton(retentionDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonRow.addWidget(self.closeButton)

        self.deleteButton = QPushButton(retentionDialog)
        self.deleteButton.setObjectName(u"deleteButton")
        self.deleteButton.setProperty(u"primary", True)

        self.buttonRow.addWidget(self.deleteButton)


        self.mainLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.monthsLabel.setBuddy(self.monthsSpin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(retentionDialog)

        self.closeButton.setDefault(True)


        QMetaObject.connectSlotsByName(retentionDialog)
    # setupUi

    def retranslateUi(self, retentionDialog):
        retentionDialog.setWindowTitle(QCoreApplication.translate("RetentionDialog", u"Delete old sessions", None))
        self.introLabel.setText(QCoreApplication.translate("RetentionDialog", u"Keep CoP records only as long as your team has agreed. Older sessions are deleted with their notes, participation and closed actions; open actions stay. The same sessions are removed from the backups, and backups older than the cut-off are deleted.", None))
        self.monthsLabel.setText(QCoreApplication.translate("RetentionDialog", u"&Keep sessions for", None))
        self.monthsSpin.setSuffix(QCoreApplication.translate("RetentionDialog", u" months", None))
#if QT_CONFIG(accessibility)
        self.monthsSpin.setAccessibleName(QCoreApplication.translate("RetentionDialog", u"Keep sessions for this many months", None))
#endif // QT_CONFIG(accessibility)
        self.previewLabel.setText("")
        self.confirmCheck.setText(QCoreApplication.translate("RetentionDialog", u"I understand that deleted sessions cannot be brought back", None))
#if QT_CONFIG(accessibility)
        self.confirmCheck.setAccessibleName(QCoreApplication.translate("RetentionDialog", u"Confirm deleting old sessions", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.resultScroll.setAccessibleName(QCoreApplication.translate("RetentionDialog", u"What was done", None))
#endif // QT_CONFIG(accessibility)
        self.resultLabel.setText("")
        self.deleteDamagedButton.setText(QCoreApplication.translate("RetentionDialog", u"Delete the damaged &copies", None))
#if QT_CONFIG(accessibility)
        self.deleteDamagedButton.setAccessibleName(QCoreApplication.translate("RetentionDialog", u"Delete the damaged backups, which cannot be cleaned", None))
#endif // QT_CONFIG(accessibility)
        self.retryButton.setText(QCoreApplication.translate("RetentionDialog", u"Try &again", None))
#if QT_CONFIG(accessibility)
        self.retryButton.setAccessibleName(QCoreApplication.translate("RetentionDialog", u"Try again to clean the backups not cleaned this time", None))
#endif // QT_CONFIG(accessibility)
        self.closeButton.setText(QCoreApplication.translate("RetentionDialog", u"Close", None))
#if QT_CONFIG(accessibility)
        self.closeButton.setAccessibleName(QCoreApplication.translate("RetentionDialog", u"Close this dialog", None))
#endif // QT_CONFIG(accessibility)
        self.deleteButton.setText(QCoreApplication.translate("RetentionDialog", u"&Delete", None))
#if QT_CONFIG(accessibility)
        self.deleteButton.setAccessibleName(QCoreApplication.translate("RetentionDialog", u"Delete the old sessions", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

