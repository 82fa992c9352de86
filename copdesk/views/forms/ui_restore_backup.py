# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'restore_backup.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QHBoxLayout, QLabel,
    QListWidget, QListWidgetItem, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_RestoreDialog(object):
    def setupUi(self, restoreDialog):
        if not restoreDialog.objectName():
            restoreDialog.setObjectName(u"restoreDialog")
        restoreDialog.setMinimumSize(QSize(620, 420))
        self.mainLayout = QVBoxLayout(restoreDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(restoreDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.backupList = QListWidget(restoreDialog)
        self.backupList.setObjectName(u"backupList")

        self.mainLayout.addWidget(self.backupList)

        self.emptyLabel = QLabel(restoreDialog)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setWordWrap(True)
        self.emptyLabel.setProperty(u"role", u"emptyState")

        self.mainLayout.addWidget(self.emptyLabel)

        self.statusLabel = QLabel(restoreDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setProperty(u"role", u"hint")

        self.mainLayout.addWidget(self.statusLabel)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.chooseFileButton = QPushButton(restoreDialog)
        self.chooseFileButton.setObjectName(u"chooseFileButton")

        self.buttonRow.addWidget(self.chooseFileButton)

        self.buttonRowSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonRowSpacer)

        self.closeButton = QPushButton(restoreDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonRow.addWidget(self.closeButton)

        self.restoreButton = QPushButton(restoreDialog)
        self.restoreButton.setObjectName(u"restoreButton")
        self.restoreButton.setProperty(u"primary", True)

        self.buttonRow.addWidget(self.restoreButton)


        self.mainLayout.addLayout(self.buttonRow)

        self.mainLayout.setStretch(1, 1)
        self.mainLayout.setStretch(2, 1)

        self.retranslateUi(restoreDialog)

        self.closeButton.setDefault(True)


        QMetaObject.connectSlotsByName(restoreDialog)
    # setupUi

    def retranslateUi(self, restoreDialog):
        restoreDialog.setWindowTitle(QCoreApplication.translate("RestoreDialog", u"Restore from a backup", None))
        self.introLabel.setText(QCoreApplication.translate("RestoreDialog", u"Restoring replaces everything CoPDesk holds now with the chosen backup. The current data is backed up first (\u201cbefore a restore\u201d), so you can go back to it the same way.", None))
#if QT_CONFIG(accessibility)
        self.backupList.setAccessibleName(QCoreApplication.translate("RestoreDialog", u"Backups, newest first", None))
#endif // QT_CONFIG(accessibility)
        self.emptyLabel.setText(QCoreApplication.translate("RestoreDialog", u"No backups yet: CoPDesk makes one each time it starts after the data has changed. You can also choose a backup file you made with \u201ccopdesk-cli backup\u201d.", None))
        self.statusLabel.setText("")
        self.chooseFileButton.setText(QCoreApplication.translate("RestoreDialog", u"Choose a &file\u2026", None))
#if QT_CONFIG(accessibility)
        self.chooseFileButton.setAccessibleName(QCoreApplication.translate("RestoreDialog", u"Choose a backup file", None))
#endif // QT_CONFIG(accessibility)
        self.closeButton.setText(QCoreApplication.translate("RestoreDialog", u"Close", None))
#if QT_CONFIG(accessibility)
        self.closeButton.setAccessibleName(QCoreApplication.translate("RestoreDialog", u"Close this dialog", None))
#endif // QT_CONFIG(accessibility)
        self.restoreButton.setText(QCoreApplication.translate("RestoreDialog", u"&Restore", None))
#if QT_CONFIG(accessibility)
        self.restoreButton.setAccessibleName(QCoreApplication.translate("RestoreDialog", u"Restore the selected backup", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

