# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'team_members.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QDialog,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QTableView,
    QVBoxLayout, QWidget)

class Ui_TeamMembersDialog(object):
    def setupUi(self, teamMembersDialog):
        if not teamMembersDialog.objectName():
            teamMembersDialog.setObjectName(u"teamMembersDialog")
        teamMembersDialog.resize(620, 560)
        teamMembersDialog.setMinimumSize(QSize(560, 520))
        self.mainLayout = QVBoxLayout(teamMembersDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.nameRow = QHBoxLayout()
        self.nameRow.setObjectName(u"nameRow")
        self.teamNameLabel = QLabel(teamMembersDialog)
        self.teamNameLabel.setObjectName(u"teamNameLabel")

        self.nameRow.addWidget(self.teamNameLabel)

        self.teamNameEdit = QLineEdit(teamMembersDialog)
        self.teamNameEdit.setObjectName(u"teamNameEdit")

        self.nameRow.addWidget(self.teamNameEdit)

        self.renameTeamButton = QPushButton(teamMembersDialog)
        self.renameTeamButton.setObjectName(u"renameTeamButton")
        self.renameTeamButton.setAutoDefault(False)

        self.nameRow.addWidget(self.renameTeamButton)

        self.nameRow.setStretch(1, 1)

        self.mainLayout.addLayout(self.nameRow)

        self.teamMembersTable = QTableView(teamMembersDialog)
        self.teamMembersTable.setObjectName(u"teamMembersTable")
        self.teamMembersTable.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked|QAbstractItemView.EditTrigger.EditKeyPressed|QAbstractItemView.EditTrigger.SelectedClicked)
        self.teamMembersTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.teamMembersTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.teamMembersTable.verticalHeader().setVisible(False)

        self.mainLayout.addWidget(self.teamMembersTable)

        self.hintLabel = QLabel(teamMembersDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)
        self.hintLabel.setProperty(u"role", u"hint")

        self.mainLayout.addWidget(self.hintLabel)

        self.addRow = QHBoxLayout()
        self.addRow.setObjectName(u"addRow")
        self.newNameEdit = QLineEdit(teamMembersDialog)
        self.newNameEdit.setObjectName(u"newNameEdit")

        self.addRow.addWidget(self.newNameEdit)

        self.newRoleCombo = QComboBox(teamMembersDialog)
        self.newRoleCombo.setObjectName(u"newRoleCombo")

        self.addRow.addWidget(self.newRoleCombo)

        self.addButton = QPushButton(teamMembersDialog)
        self.addButton.setObjectName(u"addButton")
        self.addButton.setAutoDefault(False)

        self.addRow.addWidget(self.addButton)

        self.addRow.setStretch(0, 1)

        self.mainLayout.addLayout(self.addRow)

        self.teamMembersError = QLabel(teamMembersDialog)
        self.teamMembersError.setObjectName(u"teamMembersError")
        self.teamMembersError.setWordWrap(True)
        self.teamMembersError.setProperty(u"level", u"red")

        self.mainLayout.addWidget(self.teamMembersError)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.activeButton = QPushButton(teamMembersDialog)
        self.activeButton.setObjectName(u"activeButton")
        self.activeButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.activeButton)

        self.buttonRowSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonRowSpacer)

        self.closeButton = QPushButton(teamMembersDialog)
        self.closeButton.setObjectName(u"closeButton")
        self.closeButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.closeButton)


        self.mainLayout.addLayout(self.buttonRow)

        self.mainLayout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.teamNameLabel.setBuddy(self.teamNameEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(teamMembersDialog)

        QMetaObject.connectSlotsByName(teamMembersDialog)
    # setupUi

    def retranslateUi(self, teamMembersDialog):
        teamMembersDialog.setWindowTitle(QCoreApplication.translate("TeamMembersDialog", u"Team members", None))
        self.teamNameLabel.setText(QCoreApplication.translate("TeamMembersDialog", u"Team &name", None))
#if QT_CONFIG(accessibility)
        self.teamNameEdit.setAccessibleName(QCoreApplication.translate("TeamMembersDialog", u"Team name", None))
#endif // QT_CONFIG(accessibility)
        self.renameTeamButton.setText(QCoreApplication.translate("TeamMembersDialog", u"&Rename team", None))
#if QT_CONFIG(accessibility)
        self.renameTeamButton.setAccessibleName(QCoreApplication.translate("TeamMembersDialog", u"Rename the team", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.teamMembersTable.setAccessibleName(QCoreApplication.translate("TeamMembersDialog", u"Team members: name, role and whether they attend", None))
#endif // QT_CONFIG(accessibility)
        self.hintLabel.setText(QCoreApplication.translate("TeamMembersDialog", u"Double-click a name or role (or press F2) to change it. When someone leaves, make them inactive: they are no longer offered when a session starts, and their past sessions are kept.", None))
        self.newNameEdit.setPlaceholderText(QCoreApplication.translate("TeamMembersDialog", u"New member's name", None))
#if QT_CONFIG(accessibility)
        self.newNameEdit.setAccessibleName(QCoreApplication.translate("TeamMembersDialog", u"New member's name", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.newRoleCombo.setAccessibleName(QCoreApplication.translate("TeamMembersDialog", u"New member's role", None))
#endif // QT_CONFIG(accessibility)
        self.addButton.setText(QCoreApplication.translate("TeamMembersDialog", u"&Add member", None))
#if QT_CONFIG(accessibility)
        self.addButton.setAccessibleName(QCoreApplication.translate("TeamMembersDialog", u"Add the new member to the team", None))
#endif // QT_CONFIG(accessibility)
        self.teamMembersError.setText("")
        self.activeButton.setText(QCoreApplication.translate("TeamMembersDialog", u"Make &inactive", None))
#if QT_CONFIG(accessibility)
        self.activeButton.setAccessibleName(QCoreApplication.translate("TeamMembersDialog", u"Make the chosen member inactive, or active again", None))
#endif // QT_CONFIG(accessibility)
        self.closeButton.setText(QCoreApplication.translate("TeamMembersDialog", u"Close", None))
#if QT_CONFIG(accessibility)
        self.closeButton.setAccessibleName(QCoreApplication.translate("TeamMembersDialog", u"Close team members", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

