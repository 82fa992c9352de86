# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'issue_history.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFrame, QHBoxLayout, QHeaderView, QLabel,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

from copdesk.views.widgets.tables import CompactTable

class Ui_IssueHistoryDialog(object):
    def setupUi(self, issueHistory):
        if not issueHistory.objectName():
            issueHistory.setObjectName(u"issueHistory")
        issueHistory.resize(760, 560)
        self.mainLayout = QVBoxLayout(issueHistory)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headingLabel = QLabel(issueHistory)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setWordWrap(True)
        self.headingLabel.setProperty(u"role", u"heading")

        self.mainLayout.addWidget(self.headingLabel)

        self.resolutionLabel = QLabel(issueHistory)
        self.resolutionLabel.setObjectName(u"resolutionLabel")

        self.mainLayout.addWidget(self.resolutionLabel)

        self.resolutionView = QPlainTextEdit(issueHistory)
        self.resolutionView.setObjectName(u"resolutionView")
        self.resolutionView.setMaximumSize(QSize(16777215, 84))
        self.resolutionView.setReadOnly(True)

        self.mainLayout.addWidget(self.resolutionView)

        self.flagFrame = QFrame(issueHistory)
        self.flagFrame.setObjectName(u"flagFrame")
        self.flagFrame.setProperty(u"banner", u"warning")
        self.flagLayout = QVBoxLayout(self.flagFrame)
        self.flagLayout.setObjectName(u"flagLayout")
        self.flagLayout.setContentsMargins(8, 6, 8, 6)
        self.flagLabel = QLabel(self.flagFrame)
        self.flagLabel.setObjectName(u"flagLabel")
        self.flagLabel.setWordWrap(True)
        self.flagLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.flagLayout.addWidget(self.flagLabel)


        self.mainLayout.addWidget(self.flagFrame)

        self.historyHeading = QLabel(issueHistory)
        self.historyHeading.setObjectName(u"historyHeading")

        self.mainLayout.addWidget(self.historyHeading)

        self.historyTable = CompactTable(issueHistory)
        self.historyTable.setObjectName(u"historyTable")

        self.mainLayout.addWidget(self.historyTable)

        self.escalationsHeading = QLabel(issueHistory)
        self.escalationsHeading.setObjectName(u"escalationsHeading")

        self.mainLayout.addWidget(self.escalationsHeading)

        self.escalationTable = CompactTable(issueHistory)
        self.escalationTable.setObjectName(u"escalationTable")

        self.mainLayout.addWidget(self.escalationTable)

        self.messageLabel = QLabel(issueHistory)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.titleButton = QPushButton(issueHistory)
        self.titleButton.setObjectName(u"titleButton")

        self.buttonRow.addWidget(self.titleButton)

        self.escalateButton = QPushButton(issueHistory)
        self.escalateButton.setObjectName(u"escalateButton")

        self.buttonRow.addWidget(self.escalateButton)

        self.outcomeButton = QPushButton(issueHistory)
        self.outcomeButton.setObjectName(u"outcomeButton")

        self.buttonRow.addWidget(self.outcomeButton)

        self.resolveButton = QPushButton(issueHistory)
        self.resolveButton.setObjectName(u"resolveButton")

        self.buttonRow.addWidget(self.resolveButton)

        self.buttonRowSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonRowSpacer)

        self.closeBox = QDialogButtonBox(issueHistory)
        self.closeBox.setObjectName(u"closeBox")
        self.closeBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.buttonRow.addWidget(self.closeBox)


        self.mainLayout.addLayout(self.buttonRow)

        self.mainLayout.setStretch(5, 2)
        self.mainLayout.setStretch(7, 1)
#if QT_CONFIG(shortcut)
        self.resolutionLabel.setBuddy(self.resolutionView)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(issueHistory)

        QMetaObject.connectSlotsByName(issueHistory)
    # setupUi

    def retranslateUi(self, issueHistory):
        issueHistory.setWindowTitle(QCoreApplication.translate("IssueHistoryDialog", u"Issue", None))
        self.headingLabel.setText("")
        self.resolutionLabel.setText(QCoreApplication.translate("IssueHistoryDialog", u"How it was resolved:", None))
#if QT_CONFIG(accessibility)
        self.resolutionView.setAccessibleName(QCoreApplication.translate("IssueHistoryDialog", u"How the issue was resolved", None))
#endif // QT_CONFIG(accessibility)
        self.flagLabel.setText("")
        self.historyHeading.setText(QCoreApplication.translate("IssueHistoryDialog", u"Every time it was raised", None))
#if QT_CONFIG(accessibility)
        self.historyTable.setAccessibleName(QCoreApplication.translate("IssueHistoryDialog", u"Every time the issue was raised", None))
#endif // QT_CONFIG(accessibility)
        self.escalationsHeading.setText(QCoreApplication.translate("IssueHistoryDialog", u"Escalations", None))
#if QT_CONFIG(accessibility)
        self.escalationTable.setAccessibleName(QCoreApplication.translate("IssueHistoryDialog", u"Escalations of the issue", None))
#endif // QT_CONFIG(accessibility)
        self.messageLabel.setText("")
        self.titleButton.setText(QCoreApplication.translate("IssueHistoryDialog", u"Edit &title\u2026", None))
#if QT_CONFIG(accessibility)
        self.titleButton.setAccessibleName(QCoreApplication.translate("IssueHistoryDialog", u"Correct this issue's title", None))
#endif // QT_CONFIG(accessibility)
        self.escalateButton.setText(QCoreApplication.translate("IssueHistoryDialog", u"&Escalate\u2026", None))
#if QT_CONFIG(accessibility)
        self.escalateButton.setAccessibleName(QCoreApplication.translate("IssueHistoryDialog", u"Escalate this issue", None))
#endif // QT_CONFIG(accessibility)
        self.outcomeButton.setText(QCoreApplication.translate("IssueHistoryDialog", u"Record &outcome\u2026", None))
#if QT_CONFIG(accessibility)
        self.outcomeButton.setAccessibleName(QCoreApplication.translate("IssueHistoryDialog", u"Record the outcome of the selected escalation", None))
#endif // QT_CONFIG(accessibility)
        self.resolveButton.setText(QCoreApplication.translate("IssueHistoryDialog", u"&Resolve\u2026", None))
#if QT_CONFIG(accessibility)
        self.resolveButton.setAccessibleName(QCoreApplication.translate("IssueHistoryDialog", u"Resolve this issue with a note", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

