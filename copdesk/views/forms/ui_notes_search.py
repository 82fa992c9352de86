# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'notes_search.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPushButton, QRadioButton,
    QSizePolicy, QSpacerItem, QSplitter, QTextBrowser,
    QVBoxLayout, QWidget)

from copdesk.views.widgets.tables import CompactTable

class Ui_NotesSearchDialog(object):
    def setupUi(self, notesSearch):
        if not notesSearch.objectName():
            notesSearch.setObjectName(u"notesSearch")
        notesSearch.resize(900, 560)
        self.mainLayout = QVBoxLayout(notesSearch)
        self.mainLayout.setObjectName(u"mainLayout")
        self.queryEdit = QLineEdit(notesSearch)
        self.queryEdit.setObjectName(u"queryEdit")
        self.queryEdit.setClearButtonEnabled(True)

        self.mainLayout.addWidget(self.queryEdit)

        self.scopeRow = QHBoxLayout()
        self.scopeRow.setObjectName(u"scopeRow")
        self.thisTeamRadio = QRadioButton(notesSearch)
        self.thisTeamRadio.setObjectName(u"thisTeamRadio")
        self.thisTeamRadio.setChecked(True)

        self.scopeRow.addWidget(self.thisTeamRadio)

        self.allTeamsRadio = QRadioButton(notesSearch)
        self.allTeamsRadio.setObjectName(u"allTeamsRadio")

        self.scopeRow.addWidget(self.allTeamsRadio)

        self.scopeNoteLabel = QLabel(notesSearch)
        self.scopeNoteLabel.setObjectName(u"scopeNoteLabel")
        self.scopeNoteLabel.setWordWrap(True)
        self.scopeNoteLabel.setProperty(u"role", u"hint")

        self.scopeRow.addWidget(self.scopeNoteLabel)

        self.scopeRow.setStretch(2, 1)

        self.mainLayout.addLayout(self.scopeRow)

        self.summaryLabel = QLabel(notesSearch)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setProperty(u"role", u"hint")

        self.mainLayout.addWidget(self.summaryLabel)

        self.splitter = QSplitter(notesSearch)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.matchesTable = CompactTable(self.splitter)
        self.matchesTable.setObjectName(u"matchesTable")
        self.splitter.addWidget(self.matchesTable)
        self.previewBrowser = QTextBrowser(self.splitter)
        self.previewBrowser.setObjectName(u"previewBrowser")
        self.previewBrowser.setOpenLinks(False)
        self.splitter.addWidget(self.previewBrowser)

        self.mainLayout.addWidget(self.splitter)

        self.correctRow = QHBoxLayout()
        self.correctRow.setObjectName(u"correctRow")
        self.messageLabel = QLabel(notesSearch)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.correctRow.addWidget(self.messageLabel)

        self.correctSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.correctRow.addItem(self.correctSpacer)

        self.correctButton = QPushButton(notesSearch)
        self.correctButton.setObjectName(u"correctButton")
        self.correctButton.setAutoDefault(False)

        self.correctRow.addWidget(self.correctButton)

        self.correctRow.setStretch(0, 1)

        self.mainLayout.addLayout(self.correctRow)

        self.mainLayout.setStretch(3, 1)

        self.retranslateUi(notesSearch)

        QMetaObject.connectSlotsByName(notesSearch)
    # setupUi

    def retranslateUi(self, notesSearch):
        notesSearch.setWindowTitle(QCoreApplication.translate("NotesSearchDialog", u"Search notes", None))
        self.queryEdit.setPlaceholderText(QCoreApplication.translate("NotesSearchDialog", u"Words to find in this team's notes, issues, actions and escalations", None))
#if QT_CONFIG(accessibility)
        self.queryEdit.setAccessibleName(QCoreApplication.translate("NotesSearchDialog", u"Search notes", None))
#endif // QT_CONFIG(accessibility)
        self.thisTeamRadio.setText(QCoreApplication.translate("NotesSearchDialog", u"&This team", None))
#if QT_CONFIG(tooltip)
        self.thisTeamRadio.setToolTip(QCoreApplication.translate("NotesSearchDialog", u"Search only the notes of the team chosen at the top (during a session, the session's team)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.thisTeamRadio.setAccessibleName(QCoreApplication.translate("NotesSearchDialog", u"Search this team's notes only", None))
#endif // QT_CONFIG(accessibility)
        self.allTeamsRadio.setText(QCoreApplication.translate("NotesSearchDialog", u"&All my teams", None))
#if QT_CONFIG(tooltip)
        self.allTeamsRadio.setToolTip(QCoreApplication.translate("NotesSearchDialog", u"Search every team's notes; not while the share-safe view is open, as the screen may be shared", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.allTeamsRadio.setAccessibleName(QCoreApplication.translate("NotesSearchDialog", u"Search all my teams' notes", None))
#endif // QT_CONFIG(accessibility)
        self.scopeNoteLabel.setText(QCoreApplication.translate("NotesSearchDialog", u"Not while the share-safe view is open: the screen may be shared.", None))
        self.summaryLabel.setText("")
#if QT_CONFIG(accessibility)
        self.matchesTable.setAccessibleName(QCoreApplication.translate("NotesSearchDialog", u"Matches", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.previewBrowser.setAccessibleName(QCoreApplication.translate("NotesSearchDialog", u"The selected note in full", None))
#endif // QT_CONFIG(accessibility)
        self.messageLabel.setText("")
        self.correctButton.setText(QCoreApplication.translate("NotesSearchDialog", u"&Correct the words\u2026", None))
#if QT_CONFIG(tooltip)
        self.correctButton.setToolTip(QCoreApplication.translate("NotesSearchDialog", u"Correct a typo or take out a name in the selected text (Enter, or a double-click on it)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.correctButton.setAccessibleName(QCoreApplication.translate("NotesSearchDialog", u"Correct the words of the selected match", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

