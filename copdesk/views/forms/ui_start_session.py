# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'start_session.ui'
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
    QFormLayout, QHBoxLayout, QLabel, QLayout,
    QLineEdit, QListWidget, QListWidgetItem, QPushButton,
    QSizePolicy, QSpacerItem, QStackedWidget, QVBoxLayout,
    QWidget)

class Ui_StartSessionDialog(object):
    def setupUi(self, startSessionDialog):
        if not startSessionDialog.objectName():
            startSessionDialog.setObjectName(u"startSessionDialog")
        self.mainLayout = QVBoxLayout(startSessionDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.pages = QStackedWidget(startSessionDialog)
        self.pages.setObjectName(u"pages")
        self.detailsPage = QWidget()
        self.detailsPage.setObjectName(u"detailsPage")
        self.detailsLayout = QVBoxLayout(self.detailsPage)
        self.detailsLayout.setObjectName(u"detailsLayout")
        self.detailsColumns = QHBoxLayout()
        self.detailsColumns.setSpacing(18)
        self.detailsColumns.setObjectName(u"detailsColumns")
        self.detailsForm = QFormLayout()
        self.detailsForm.setObjectName(u"detailsForm")
        self.teamComboLabel = QLabel(self.detailsPage)
        self.teamComboLabel.setObjectName(u"teamComboLabel")

        self.detailsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.teamComboLabel)

        self.teamCombo = QComboBox(self.detailsPage)
        self.teamCombo.setObjectName(u"teamCombo")

        self.detailsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.teamCombo)

        self.kindLabel = QLabel(self.detailsPage)
        self.kindLabel.setObjectName(u"kindLabel")

        self.detailsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(self.detailsPage)
        self.kindCombo.setObjectName(u"kindCombo")

        self.detailsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.scheduledLabel = QLabel(self.detailsPage)
        self.scheduledLabel.setObjectName(u"scheduledLabel")
        self.scheduledLabel.setProperty(u"role", u"hint")

        self.detailsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.scheduledLabel)

        self.sessionTypeOwner = QLabel(self.detailsPage)
        self.sessionTypeOwner.setObjectName(u"sessionTypeOwner")
        self.sessionTypeOwner.setWordWrap(True)
        self.sessionTypeOwner.setProperty(u"role", u"hint")

        self.detailsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.sessionTypeOwner)

        self.topicLabel = QLabel(self.detailsPage)
        self.topicLabel.setObjectName(u"topicLabel")

        self.detailsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.topicLabel)

        self.topicEdit = QLineEdit(self.detailsPage)
        self.topicEdit.setObjectName(u"topicEdit")

        self.detailsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.topicEdit)

        self.presenterLabel = QLabel(self.detailsPage)
        self.presenterLabel.setObjectName(u"presenterLabel")

        self.detailsForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.presenterLabel)

        self.presenterCombo = QComboBox(self.detailsPage)
        self.presenterCombo.setObjectName(u"presenterCombo")

        self.detailsForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.presenterCombo)

        self.agendaRowLabel = QLabel(self.detailsPage)
        self.agendaRowLabel.setObjectName(u"agendaRowLabel")

        self.detailsForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.agendaRowLabel)

        self.agendaRow = QHBoxLayout()
        self.agendaRow.setObjectName(u"agendaRow")
        self.agendaLabel = QLabel(self.detailsPage)
        self.agendaLabel.setObjectName(u"agendaLabel")
        self.agendaLabel.setWordWrap(True)

        self.agendaRow.addWidget(self.agendaLabel)

        self.editAgendaButton = QPushButton(self.detailsPage)
        self.editAgendaButton.setObjectName(u"editAgendaButton")

        self.agendaRow.addWidget(self.editAgendaButton)

        self.agendaRow.setStretch(0, 1)

        self.detailsForm.setLayout(6, QFormLayout.ItemRole.FieldRole, self.agendaRow)


        self.detailsColumns.addLayout(self.detailsForm)

        self.presentColumn = QVBoxLayout()
        self.presentColumn.setObjectName(u"presentColumn")
        self.presentLabel = QLabel(self.detailsPage)
        self.presentLabel.setObjectName(u"presentLabel")

        self.presentColumn.addWidget(self.presentLabel)

        self.presentBox = QVBoxLayout()
        self.presentBox.setObjectName(u"presentBox")
        self.presentList = QListWidget(self.detailsPage)
        self.presentList.setObjectName(u"presentList")
        self.presentList.setMinimumSize(QSize(0, 210))

        self.presentBox.addWidget(self.presentList)

        self.tickRow = QHBoxLayout()
        self.tickRow.setObjectName(u"tickRow")
        self.tickEveryoneButton = QPushButton(self.detailsPage)
        self.tickEveryoneButton.setObjectName(u"tickEveryoneButton")

        self.tickRow.addWidget(self.tickEveryoneButton)

        self.clearButton = QPushButton(self.detailsPage)
        self.clearButton.setObjectName(u"clearButton")

        self.tickRow.addWidget(self.clearButton)

        self.tickSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.tickRow.addItem(self.tickSpacer)

        self.countLabel = QLabel(self.detailsPage)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setProperty(u"role", u"hint")

        self.tickRow.addWidget(self.countLabel)


        self.presentBox.addLayout(self.tickRow)

        self.presentBox.setStretch(0, 1)

        self.presentColumn.addLayout(self.presentBox)

        self.guestRow = QHBoxLayout()
        self.guestRow.setObjectName(u"guestRow")
        self.guestEdit = QLineEdit(self.detailsPage)
        self.guestEdit.setObjectName(u"guestEdit")

        self.guestRow.addWidget(self.guestEdit)

        self.addGuestButton = QPushButton(self.detailsPage)
        self.addGuestButton.setObjectName(u"addGuestButton")

        self.guestRow.addWidget(self.addGuestButton)

        self.guestRow.setStretch(0, 1)

        self.presentColumn.addLayout(self.guestRow)

        self.presentColumn.setStretch(1, 1)

        self.detailsColumns.addLayout(self.presentColumn)

        self.detailsColumns.setStretch(0, 3)
        self.detailsColumns.setStretch(1, 2)

        self.detailsLayout.addLayout(self.detailsColumns)

        self.startError = QLabel(self.detailsPage)
        self.startError.setObjectName(u"startError")
        self.startError.setWordWrap(True)
        self.startError.setProperty(u"level", u"red")

        self.detailsLayout.addWidget(self.startError)

        self.detailsButtons = QHBoxLayout()
        self.detailsButtons.setObjectName(u"detailsButtons")
        self.detailsButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.detailsButtons.addItem(self.detailsButtonsSpacer)

        self.cancelButton = QPushButton(self.detailsPage)
        self.cancelButton.setObjectName(u"cancelButton")

        self.detailsButtons.addWidget(self.cancelButton)

        self.nextButton = QPushButton(self.detailsPage)
        self.nextButton.setObjectName(u"nextButton")

        self.detailsButtons.addWidget(self.nextButton)


        self.detailsLayout.addLayout(self.detailsButtons)

        self.detailsLayout.setStretch(0, 1)
        self.pages.addWidget(self.detailsPage)
        self.rulesPage = QWidget()
        self.rulesPage.setObjectName(u"rulesPage")
        self.rulesLayout = QVBoxLayout(self.rulesPage)
        self.rulesLayout.setObjectName(u"rulesLayout")
        self.rulesHeadingLabel = QLabel(self.rulesPage)
        self.rulesHeadingLabel.setObjectName(u"rulesHeadingLabel")
        self.rulesHeadingLabel.setProperty(u"role", u"heading")

        self.rulesLayout.addWidget(self.rulesHeadingLabel)

        self.rulesIntroLabel = QLabel(self.rulesPage)
        self.rulesIntroLabel.setObjectName(u"rulesIntroLabel")
        self.rulesIntroLabel.setWordWrap(True)

        self.rulesLayout.addWidget(self.rulesIntroLabel)

        self.groundRules = QLabel(self.rulesPage)
        self.groundRules.setObjectName(u"groundRules")
        self.groundRules.setWordWrap(True)
        self.groundRules.setTextFormat(Qt.TextFormat.RichText)
        self.groundRules.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.rulesLayout.addWidget(self.groundRules)

        self.copyRow = QHBoxLayout()
        self.copyRow.setObjectName(u"copyRow")
        self.copyRulesButton = QPushButton(self.rulesPage)
        self.copyRulesButton.setObjectName(u"copyRulesButton")

        self.copyRow.addWidget(self.copyRulesButton)

        self.cardButton = QPushButton(self.rulesPage)
        self.cardButton.setObjectName(u"cardButton")

        self.copyRow.addWidget(self.cardButton)

        self.copiedLabel = QLabel(self.rulesPage)
        self.copiedLabel.setObjectName(u"copiedLabel")
        self.copiedLabel.setProperty(u"role", u"hint")

        self.copyRow.addWidget(self.copiedLabel)

        self.copyRow.setStretch(2, 1)

        self.rulesLayout.addLayout(self.copyRow)

        self.groundRulesCredit = QLabel(self.rulesPage)
        self.groundRulesCredit.setObjectName(u"groundRulesCredit")
        self.groundRulesCredit.setWordWrap(True)
        self.groundRulesCredit.setProperty(u"role", u"hint")

        self.rulesLayout.addWidget(self.groundRulesCredit)

        self.agreedCheck = QCheckBox(self.rulesPage)
        self.agreedCheck.setObjectName(u"agreedCheck")

        self.rulesLayout.addWidget(self.agreedCheck)

        self.rulesButtons = QHBoxLayout()
        self.rulesButtons.setObjectName(u"rulesButtons")
        self.backButton = QPushButton(self.rulesPage)
        self.backButton.setObjectName(u"backButton")

        self.rulesButtons.addWidget(self.backButton)

        self.rulesButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.rulesButtons.addItem(self.rulesButtonsSpacer)

        self.startButton = QPushButton(self.rulesPage)
        self.startButton.setObjectName(u"startButton")
        self.startButton.setProperty(u"primary", True)

        self.rulesButtons.addWidget(self.startButton)


        self.rulesLayout.addLayout(self.rulesButtons)

        self.rulesLayout.setStretch(2, 1)
        self.pages.addWidget(self.rulesPage)

        self.mainLayout.addWidget(self.pages)

        self.mainLayout.setStretch(0, 1)
#if QT_CONFIG(shortcut)
        self.teamComboLabel.setBuddy(self.teamCombo)
        self.kindLabel.setBuddy(self.kindCombo)
        self.topicLabel.setBuddy(self.topicEdit)
        self.presenterLabel.setBuddy(self.presenterCombo)
        self.presentLabel.setBuddy(self.presentList)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(startSessionDialog)

        self.nextButton.setDefault(True)


        QMetaObject.connectSlotsByName(startSessionDialog)
    # setupUi

    def retranslateUi(self, startSessionDialog):
        startSessionDialog.setWindowTitle(QCoreApplication.translate("StartSessionDialog", u"Start session", None))
        self.teamComboLabel.setText(QCoreApplication.translate("StartSessionDialog", u"&Team", None))
#if QT_CONFIG(accessibility)
        self.teamCombo.setAccessibleName(QCoreApplication.translate("StartSessionDialog", u"Team", None))
#endif // QT_CONFIG(accessibility)
        self.kindLabel.setText(QCoreApplication.translate("StartSessionDialog", u"T&ype", None))
#if QT_CONFIG(accessibility)
        self.kindCombo.setAccessibleName(QCoreApplication.translate("StartSessionDialog", u"Session type", None))
#endif // QT_CONFIG(accessibility)
        self.scheduledLabel.setText("")
        self.topicLabel.setText(QCoreApplication.translate("StartSessionDialog", u"T&opic", None))
        self.topicEdit.setPlaceholderText(QCoreApplication.translate("StartSessionDialog", u"For example: supporting a carer under strain", None))
#if QT_CONFIG(accessibility)
        self.topicEdit.setAccessibleName(QCoreApplication.translate("StartSessionDialog", u"Topic", None))
#endif // QT_CONFIG(accessibility)
        self.presenterLabel.setText(QCoreApplication.translate("StartSessionDialog", u"&Presenter", None))
#if QT_CONFIG(accessibility)
        self.presenterCombo.setAccessibleName(QCoreApplication.translate("StartSessionDialog", u"Presenter", None))
#endif // QT_CONFIG(accessibility)
        self.agendaRowLabel.setText(QCoreApplication.translate("StartSessionDialog", u"Agenda", None))
        self.agendaLabel.setText("")
        self.editAgendaButton.setText(QCoreApplication.translate("StartSessionDialog", u"Edit &agenda\u2026", None))
#if QT_CONFIG(accessibility)
        self.editAgendaButton.setAccessibleName(QCoreApplication.translate("StartSessionDialog", u"Edit this team's agenda for the session type", None))
#endif // QT_CONFIG(accessibility)
        self.presentLabel.setText(QCoreApplication.translate("StartSessionDialog", u"Pre&sent", None))
#if QT_CONFIG(accessibility)
        self.presentList.setAccessibleName(QCoreApplication.translate("StartSessionDialog", u"Who is present", None))
#endif // QT_CONFIG(accessibility)
        self.tickEveryoneButton.setText(QCoreApplication.translate("StartSessionDialog", u"Tick &everyone", None))
#if QT_CONFIG(accessibility)
        self.tickEveryoneButton.setAccessibleName(QCoreApplication.translate("StartSessionDialog", u"Tick everyone as present", None))
#endif // QT_CONFIG(accessibility)
        self.clearButton.setText(QCoreApplication.translate("StartSessionDialog", u"C&lear", None))
#if QT_CONFIG(accessibility)
        self.clearButton.setAccessibleName(QCoreApplication.translate("StartSessionDialog", u"Clear who is present", None))
#endif // QT_CONFIG(accessibility)
        self.countLabel.setText("")
        self.guestEdit.setPlaceholderText(QCoreApplication.translate("StartSessionDialog", u"A guest's name", None))
#if QT_CONFIG(accessibility)
        self.guestEdit.setAccessibleName(QCoreApplication.translate("StartSessionDialog", u"Guest name", None))
#endif // QT_CONFIG(accessibility)
        self.addGuestButton.setText(QCoreApplication.translate("StartSessionDialog", u"Add &guest", None))
#if QT_CONFIG(accessibility)
        self.addGuestButton.setAccessibleName(QCoreApplication.translate("StartSessionDialog", u"Add the guest to who is present", None))
#endif // QT_CONFIG(accessibility)
        self.startError.setText("")
        self.cancelButton.setText(QCoreApplication.translate("StartSessionDialog", u"Cancel", None))
#if QT_CONFIG(accessibility)
        self.cancelButton.setAccessibleName(QCoreApplication.translate("StartSessionDialog", u"Cancel starting a session", None))
#endif // QT_CONFIG(accessibility)
        self.nextButton.setText(QCoreApplication.translate("StartSessionDialog", u"Next: ground rules \u203a", None))
#if QT_CONFIG(accessibility)
        self.nextButton.setAccessibleName(QCoreApplication.translate("StartSessionDialog", u"Next: ground rules", None))
#endif // QT_CONFIG(accessibility)
        self.rulesHeadingLabel.setText("")
        self.rulesIntroLabel.setText("")
        self.groundRules.setText("")
        self.copyRulesButton.setText(QCoreApplication.translate("StartSessionDialog", u"Cop&y the rules for the chat", None))
#if QT_CONFIG(accessibility)
        self.copyRulesButton.setAccessibleName(QCoreApplication.translate("StartSessionDialog", u"Copy the ground rules, to paste into the meeting chat", None))
#endif // QT_CONFIG(accessibility)
        self.cardButton.setText(QCoreApplication.translate("StartSessionDialog", u"Show &what a CoP is", None))
#if QT_CONFIG(accessibility)
        self.cardButton.setAccessibleName(QCoreApplication.translate("StartSessionDialog", u"Show the card of what a CoP is and is not, to share on screen", None))
#endif // QT_CONFIG(accessibility)
        self.copiedLabel.setText("")
        self.groundRulesCredit.setText("")
        self.agreedCheck.setText(QCoreApplication.translate("StartSessionDialog", u"The group has &agreed the ground rules", None))
#if QT_CONFIG(accessibility)
        self.agreedCheck.setAccessibleName(QCoreApplication.translate("StartSessionDialog", u"The group has agreed the ground rules", None))
#endif // QT_CONFIG(accessibility)
        self.backButton.setText(QCoreApplication.translate("StartSessionDialog", u"\u2039 &Back", None))
#if QT_CONFIG(accessibility)
        self.backButton.setAccessibleName(QCoreApplication.translate("StartSessionDialog", u"Back to the session details", None))
#endif // QT_CONFIG(accessibility)
        self.startButton.setText(QCoreApplication.translate("StartSessionDialog", u"&Start session", None))
#if QT_CONFIG(accessibility)
        self.startButton.setAccessibleName(QCoreApplication.translate("StartSessionDialog", u"Start the session", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

