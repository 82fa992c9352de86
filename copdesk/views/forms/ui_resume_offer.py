# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'resume_offer.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QDialog, QHBoxLayout,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_ResumeDialog(object):
    def setupUi(self, resumeOffer):
        if not resumeOffer.objectName():
            resumeOffer.setObjectName(u"resumeOffer")
        resumeOffer.setMinimumSize(QSize(520, 0))
        self.mainLayout = QVBoxLayout(resumeOffer)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headingLabel = QLabel(resumeOffer)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setWordWrap(True)
        self.headingLabel.setProperty(u"role", u"heading")

        self.mainLayout.addWidget(self.headingLabel)

        self.resumeMessage = QLabel(resumeOffer)
        self.resumeMessage.setObjectName(u"resumeMessage")
        self.resumeMessage.setWordWrap(True)

        self.mainLayout.addWidget(self.resumeMessage)

        self.countGap = QCheckBox(resumeOffer)
        self.countGap.setObjectName(u"countGap")

        self.mainLayout.addWidget(self.countGap)

        self.resumeHint = QLabel(resumeOffer)
        self.resumeHint.setObjectName(u"resumeHint")
        self.resumeHint.setWordWrap(True)
        self.resumeHint.setProperty(u"role", u"hint")

        self.mainLayout.addWidget(self.resumeHint)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.laterButton = QPushButton(resumeOffer)
        self.laterButton.setObjectName(u"laterButton")

        self.buttonRow.addWidget(self.laterButton)

        self.buttonRowSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonRowSpacer)

        self.earlierButton = QPushButton(resumeOffer)
        self.earlierButton.setObjectName(u"earlierButton")
        self.earlierButton.setVisible(False)

        self.buttonRow.addWidget(self.earlierButton)

        self.endButton = QPushButton(resumeOffer)
        self.endButton.setObjectName(u"endButton")

        self.buttonRow.addWidget(self.endButton)

        self.resumeButton = QPushButton(resumeOffer)
        self.resumeButton.setObjectName(u"resumeButton")
        self.resumeButton.setProperty(u"primary", True)

        self.buttonRow.addWidget(self.resumeButton)


        self.mainLayout.addLayout(self.buttonRow)


        self.retranslateUi(resumeOffer)

        QMetaObject.connectSlotsByName(resumeOffer)
    # setupUi

    def retranslateUi(self, resumeOffer):
        resumeOffer.setWindowTitle(QCoreApplication.translate("ResumeDialog", u"A session was still running", None))
        self.headingLabel.setText("")
        self.resumeMessage.setText("")
#if QT_CONFIG(accessibility)
        self.countGap.setAccessibleName(QCoreApplication.translate("ResumeDialog", u"Count the time CoPDesk was closed", None))
#endif // QT_CONFIG(accessibility)
        self.resumeHint.setText("")
        self.laterButton.setText(QCoreApplication.translate("ResumeDialog", u"Decide &later", None))
#if QT_CONFIG(accessibility)
        self.laterButton.setAccessibleName(QCoreApplication.translate("ResumeDialog", u"Decide later", None))
#endif // QT_CONFIG(accessibility)
        self.earlierButton.setText(QCoreApplication.translate("ResumeDialog", u"End at last &use", None))
#if QT_CONFIG(accessibility)
        self.earlierButton.setAccessibleName(QCoreApplication.translate("ResumeDialog", u"End the session when it was last in use", None))
#endif // QT_CONFIG(accessibility)
        self.endButton.setText(QCoreApplication.translate("ResumeDialog", u"&End it", None))
#if QT_CONFIG(accessibility)
        self.endButton.setAccessibleName(QCoreApplication.translate("ResumeDialog", u"End the session at the last saved time", None))
#endif // QT_CONFIG(accessibility)
        self.resumeButton.setText(QCoreApplication.translate("ResumeDialog", u"&Resume", None))
#if QT_CONFIG(accessibility)
        self.resumeButton.setAccessibleName(QCoreApplication.translate("ResumeDialog", u"Resume the session", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

