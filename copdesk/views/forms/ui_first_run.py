# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_run.ui'
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
    QFormLayout, QLabel, QLineEdit, QRadioButton,
    QSizePolicy, QVBoxLayout, QWidget)

from copdesk.views.widgets.bounded_editor import BoundedPlainTextEdit

class Ui_FirstRunDialog(object):
    def setupUi(self, FirstRunDialog):
        if not FirstRunDialog.objectName():
            FirstRunDialog.setObjectName(u"FirstRunDialog")
        FirstRunDialog.resize(560, 520)
        self.mainLayout = QVBoxLayout(FirstRunDialog)
        self.mainLayout.setSpacing(10)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headingLabel = QLabel(FirstRunDialog)
        self.headingLabel.setObjectName(u"headingLabel")

        self.mainLayout.addWidget(self.headingLabel)

        self.introLabel = QLabel(FirstRunDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.createTeamRadio = QRadioButton(FirstRunDialog)
        self.createTeamRadio.setObjectName(u"createTeamRadio")
        self.createTeamRadio.setChecked(True)

        self.mainLayout.addWidget(self.createTeamRadio)

        self.teamForm = QWidget(FirstRunDialog)
        self.teamForm.setObjectName(u"teamForm")
        self.teamFormLayout = QFormLayout(self.teamForm)
        self.teamFormLayout.setObjectName(u"teamFormLayout")
        self.teamFormLayout.setContentsMargins(24, -1, -1, -1)
        self.teamNameLabel = QLabel(self.teamForm)
        self.teamNameLabel.setObjectName(u"teamNameLabel")

        self.teamFormLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.teamNameLabel)

        self.teamNameEdit = QLineEdit(self.teamForm)
        self.teamNameEdit.setObjectName(u"teamNameEdit")

        self.teamFormLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.teamNameEdit)

        self.membersLabel = QLabel(self.teamForm)
        self.membersLabel.setObjectName(u"membersLabel")

        self.teamFormLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.membersLabel)

        self.membersEdit = BoundedPlainTextEdit(self.teamForm)
        self.membersEdit.setObjectName(u"membersEdit")
        self.membersEdit.setTabChangesFocus(True)

        self.teamFormLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.membersEdit)


        self.mainLayout.addWidget(self.teamForm)

        self.demoRadio = QRadioButton(FirstRunDialog)
        self.demoRadio.setObjectName(u"demoRadio")

        self.mainLayout.addWidget(self.demoRadio)

        self.errorLabel = QLabel(FirstRunDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(FirstRunDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.teamNameLabel.setBuddy(self.teamNameEdit)
        self.membersLabel.setBuddy(self.membersEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(FirstRunDialog)

        QMetaObject.connectSlotsByName(FirstRunDialog)
    # setupUi

    def retranslateUi(self, FirstRunDialog):
        FirstRunDialog.setWindowTitle(QCoreApplication.translate("FirstRunDialog", u"Welcome to CoPDesk", None))
        self.headingLabel.setText(QCoreApplication.translate("FirstRunDialog", u"Welcome to CoPDesk", None))
        self.headingLabel.setProperty(u"role", QCoreApplication.translate("FirstRunDialog", u"heading", None))
        self.introLabel.setText(QCoreApplication.translate("FirstRunDialog", u"CoPDesk keeps your team's Community of Practice on track: a timer that follows the agenda, the masterclass's questions and tips with prompts of CoPDesk's own (each says whose words it is), a private participation tracker, and notes whose actions carry over to the next session. Everything stays on this computer.", None))
        self.createTeamRadio.setText(QCoreApplication.translate("FirstRunDialog", u"Create your team", None))
#if QT_CONFIG(accessibility)
        self.createTeamRadio.setAccessibleName(QCoreApplication.translate("FirstRunDialog", u"Create your team", None))
#endif // QT_CONFIG(accessibility)
        self.teamNameLabel.setText(QCoreApplication.translate("FirstRunDialog", u"Team &name", None))
        self.teamNameEdit.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"for example: Northside Community Team", None))
#if QT_CONFIG(accessibility)
        self.teamNameEdit.setAccessibleName(QCoreApplication.translate("FirstRunDialog", u"Team name", None))
#endif // QT_CONFIG(accessibility)
        self.membersLabel.setText(QCoreApplication.translate("FirstRunDialog", u"&Members", None))
        self.membersEdit.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"One name per line. You come first, as facilitator; everyone else joins as a practitioner. Roles can be changed later (File \u25b8 Team members).", None))
#if QT_CONFIG(accessibility)
        self.membersEdit.setAccessibleName(QCoreApplication.translate("FirstRunDialog", u"Team members, one per line", None))
#endif // QT_CONFIG(accessibility)
        self.demoRadio.setText(QCoreApplication.translate("FirstRunDialog", u"Explore the demo data (two fictional teams and six months of sessions)", None))
#if QT_CONFIG(accessibility)
        self.demoRadio.setAccessibleName(QCoreApplication.translate("FirstRunDialog", u"Explore the demo data", None))
#endif // QT_CONFIG(accessibility)
        self.errorLabel.setText("")
        self.errorLabel.setProperty(u"level", QCoreApplication.translate("FirstRunDialog", u"red", None))
    # retranslateUi

