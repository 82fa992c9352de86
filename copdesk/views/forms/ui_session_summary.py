# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'session_summary.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QAbstractScrollArea, QApplication, QDialog,
    QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QTableView, QVBoxLayout,
    QWidget)

class Ui_SessionSummaryDialog(object):
    def setupUi(self, sessionSummary):
        if not sessionSummary.objectName():
            sessionSummary.setObjectName(u"sessionSummary")
        sessionSummary.setMinimumSize(QSize(560, 420))
        self.mainLayout = QVBoxLayout(sessionSummary)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headingLabel = QLabel(sessionSummary)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setProperty(u"role", u"heading")

        self.mainLayout.addWidget(self.headingLabel)

        self.aboutLabel = QLabel(sessionSummary)
        self.aboutLabel.setObjectName(u"aboutLabel")
        self.aboutLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.aboutLabel)

        self.summaryTotals = QLabel(sessionSummary)
        self.summaryTotals.setObjectName(u"summaryTotals")
        self.summaryTotals.setWordWrap(True)

        self.mainLayout.addWidget(self.summaryTotals)

        self.summaryTable = QTableView(sessionSummary)
        self.summaryTable.setObjectName(u"summaryTable")
        self.summaryTable.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.summaryTable.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.summaryTable.verticalHeader().setVisible(False)

        self.mainLayout.addWidget(self.summaryTable)

        self.summaryCounts = QLabel(sessionSummary)
        self.summaryCounts.setObjectName(u"summaryCounts")
        self.summaryCounts.setWordWrap(True)

        self.mainLayout.addWidget(self.summaryCounts)

        self.rulesLabel = QLabel(sessionSummary)
        self.rulesLabel.setObjectName(u"rulesLabel")
        self.rulesLabel.setProperty(u"role", u"hint")

        self.mainLayout.addWidget(self.rulesLabel)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.buttonRowSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonRowSpacer)

        self.closeButton = QPushButton(sessionSummary)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonRow.addWidget(self.closeButton)


        self.mainLayout.addLayout(self.buttonRow)

        self.mainLayout.setStretch(3, 1)

        self.retranslateUi(sessionSummary)

        self.closeButton.setDefault(True)


        QMetaObject.connectSlotsByName(sessionSummary)
    # setupUi

    def retranslateUi(self, sessionSummary):
        sessionSummary.setWindowTitle(QCoreApplication.translate("SessionSummaryDialog", u"Session summary", None))
        self.headingLabel.setText(QCoreApplication.translate("SessionSummaryDialog", u"Session ended and saved", None))
        self.aboutLabel.setText("")
        self.summaryTotals.setText("")
#if QT_CONFIG(accessibility)
        self.summaryTable.setAccessibleName(QCoreApplication.translate("SessionSummaryDialog", u"Planned against actual, by segment", None))
#endif // QT_CONFIG(accessibility)
        self.summaryCounts.setText("")
        self.rulesLabel.setText("")
        self.closeButton.setText(QCoreApplication.translate("SessionSummaryDialog", u"&Close", None))
#if QT_CONFIG(accessibility)
        self.closeButton.setAccessibleName(QCoreApplication.translate("SessionSummaryDialog", u"Close the summary", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

