# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'data_location.ui'
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

class Ui_DataLocationDialog(object):
    def setupUi(self, dataLocationDialog):
        if not dataLocationDialog.objectName():
            dataLocationDialog.setObjectName(u"dataLocationDialog")
        dataLocationDialog.setMinimumSize(QSize(560, 0))
        self.mainLayout = QVBoxLayout(dataLocationDialog)
        self.mainLayout.setSpacing(10)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headingLabel = QLabel(dataLocationDialog)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setWordWrap(True)
        self.headingLabel.setProperty(u"role", u"heading")

        self.mainLayout.addWidget(self.headingLabel)

        self.messageLabel = QLabel(dataLocationDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.adviceLabel = QLabel(dataLocationDialog)
        self.adviceLabel.setObjectName(u"adviceLabel")
        self.adviceLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.adviceLabel)

        self.mainSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.mainSpacer)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.buttonRowSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonRowSpacer)

        self.quitButton = QPushButton(dataLocationDialog)
        self.quitButton.setObjectName(u"quitButton")

        self.buttonRow.addWidget(self.quitButton)

        self.chooseButton = QPushButton(dataLocationDialog)
        self.chooseButton.setObjectName(u"chooseButton")
        self.chooseButton.setProperty(u"primary", True)

        self.buttonRow.addWidget(self.chooseButton)


        self.mainLayout.addLayout(self.buttonRow)


        self.retranslateUi(dataLocationDialog)

        self.chooseButton.setDefault(True)


        QMetaObject.connectSlotsByName(dataLocationDialog)
    # setupUi

    def retranslateUi(self, dataLocationDialog):
        dataLocationDialog.setWindowTitle(QCoreApplication.translate("DataLocationDialog", u"Choose where CoPDesk keeps its data", None))
        self.headingLabel.setText(QCoreApplication.translate("DataLocationDialog", u"CoPDesk cannot use its data folder", None))
        self.messageLabel.setText("")
        self.adviceLabel.setText(QCoreApplication.translate("DataLocationDialog", u"Choose a folder on this computer that only you use: not a shared, synced or network folder. CoPDesk opens its data file there, or starts a new one.", None))
        self.quitButton.setText(QCoreApplication.translate("DataLocationDialog", u"&Quit", None))
#if QT_CONFIG(accessibility)
        self.quitButton.setAccessibleName(QCoreApplication.translate("DataLocationDialog", u"Quit without changing anything", None))
#endif // QT_CONFIG(accessibility)
        self.chooseButton.setText(QCoreApplication.translate("DataLocationDialog", u"&Choose a folder\u2026", None))
#if QT_CONFIG(accessibility)
        self.chooseButton.setAccessibleName(QCoreApplication.translate("DataLocationDialog", u"Choose another folder for CoPDesk's data", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

