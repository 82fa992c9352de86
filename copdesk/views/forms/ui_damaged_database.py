# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'damaged_database.ui'
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
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_DamagedDatabaseDialog(object):
    def setupUi(self, damagedDatabaseDialog):
        if not damagedDatabaseDialog.objectName():
            damagedDatabaseDialog.setObjectName(u"damagedDatabaseDialog")
        damagedDatabaseDialog.setMinimumSize(QSize(560, 0))
        self.mainLayout = QVBoxLayout(damagedDatabaseDialog)
        self.mainLayout.setSpacing(10)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headingLabel = QLabel(damagedDatabaseDialog)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setWordWrap(True)
        self.headingLabel.setProperty(u"role", u"heading")

        self.mainLayout.addWidget(self.headingLabel)

        self.messageLabel = QLabel(damagedDatabaseDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.planLabel = QLabel(damagedDatabaseDialog)
        self.planLabel.setObjectName(u"planLabel")
        self.planLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.planLabel)

        self.mainSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.mainSpacer)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.buttonRowSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonRowSpacer)

        self.quitButton = QPushButton(damagedDatabaseDialog)
        self.quitButton.setObjectName(u"quitButton")

        self.buttonRow.addWidget(self.quitButton)

        self.freshButton = QPushButton(damagedDatabaseDialog)
        self.freshButton.setObjectName(u"freshButton")

        self.buttonRow.addWidget(self.freshButton)

        self.restoreButton = QPushButton(damagedDatabaseDialog)
        self.restoreButton.setObjectName(u"restoreButton")
        self.restoreButton.setProperty(u"primary", True)

        self.buttonRow.addWidget(self.restoreButton)


        self.mainLayout.addLayout(self.buttonRow)


        self.retranslateUi(damagedDatabaseDialog)

        self.restoreButton.setDefault(True)


        QMetaObject.connectSlotsByName(damagedDatabaseDialog)
    # setupUi

    def retranslateUi(self, damagedDatabaseDialog):
        damagedDatabaseDialog.setWindowTitle(QCoreApplication.translate("DamagedDatabaseDialog", u"CoPDesk's data is damaged", None))
        self.headingLabel.setText(QCoreApplication.translate("DamagedDatabaseDialog", u"CoPDesk cannot open its data file", None))
        self.messageLabel.setText("")
        self.planLabel.setText("")
        self.quitButton.setText(QCoreApplication.translate("DamagedDatabaseDialog", u"&Quit", None))
#if QT_CONFIG(accessibility)
        self.quitButton.setAccessibleName(QCoreApplication.translate("DamagedDatabaseDialog", u"Quit without changing anything", None))
#endif // QT_CONFIG(accessibility)
        self.freshButton.setText(QCoreApplication.translate("DamagedDatabaseDialog", u"Start &empty", None))
#if QT_CONFIG(accessibility)
        self.freshButton.setAccessibleName(QCoreApplication.translate("DamagedDatabaseDialog", u"Start with an empty database", None))
#endif // QT_CONFIG(accessibility)
        self.restoreButton.setText(QCoreApplication.translate("DamagedDatabaseDialog", u"&Restore the backup", None))
#if QT_CONFIG(accessibility)
        self.restoreButton.setAccessibleName(QCoreApplication.translate("DamagedDatabaseDialog", u"Restore the newest backup", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

