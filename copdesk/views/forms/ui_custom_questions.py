# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'custom_questions.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QFrame,
    QHBoxLayout, QLabel, QListView, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

from copdesk.views.live.questions.custom_question_form import CustomQuestionForm

class Ui_CustomQuestionsDialog(object):
    def setupUi(self, customQuestionsDialog):
        if not customQuestionsDialog.objectName():
            customQuestionsDialog.setObjectName(u"customQuestionsDialog")
        customQuestionsDialog.resize(920, 560)
        self.mainLayout = QVBoxLayout(customQuestionsDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(customQuestionsDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)
        self.introLabel.setProperty(u"role", u"hint")

        self.mainLayout.addWidget(self.introLabel)

        self.columns = QHBoxLayout()
        self.columns.setObjectName(u"columns")
        self.listColumn = QVBoxLayout()
        self.listColumn.setObjectName(u"listColumn")
        self.categoryFilter = QComboBox(customQuestionsDialog)
        self.categoryFilter.setObjectName(u"categoryFilter")

        self.listColumn.addWidget(self.categoryFilter)

        self.customQuestionList = QListView(customQuestionsDialog)
        self.customQuestionList.setObjectName(u"customQuestionList")
        self.customQuestionList.setAlternatingRowColors(True)

        self.listColumn.addWidget(self.customQuestionList)

        self.emptyLabel = QLabel(customQuestionsDialog)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setWordWrap(True)
        self.emptyLabel.setProperty(u"role", u"emptyState")

        self.listColumn.addWidget(self.emptyLabel)

        self.listButtons = QHBoxLayout()
        self.listButtons.setObjectName(u"listButtons")
        self.newButton = QPushButton(customQuestionsDialog)
        self.newButton.setObjectName(u"newButton")

        self.listButtons.addWidget(self.newButton)

        self.hideButton = QPushButton(customQuestionsDialog)
        self.hideButton.setObjectName(u"hideButton")

        self.listButtons.addWidget(self.hideButton)

        self.listButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.listButtons.addItem(self.listButtonsSpacer)


        self.listColumn.addLayout(self.listButtons)

        self.listColumn.setStretch(1, 1)

        self.columns.addLayout(self.listColumn)

        self.formColumn = QVBoxLayout()
        self.formColumn.setObjectName(u"formColumn")
        self.questionForm = CustomQuestionForm(customQuestionsDialog)
        self.questionForm.setObjectName(u"questionForm")

        self.formColumn.addWidget(self.questionForm)

        self.formButtons = QHBoxLayout()
        self.formButtons.setObjectName(u"formButtons")
        self.formButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.formButtons.addItem(self.formButtonsSpacer)

        self.revertButton = QPushButton(customQuestionsDialog)
        self.revertButton.setObjectName(u"revertButton")

        self.formButtons.addWidget(self.revertButton)

        self.saveButton = QPushButton(customQuestionsDialog)
        self.saveButton.setObjectName(u"saveButton")
        self.saveButton.setProperty(u"primary", True)

        self.formButtons.addWidget(self.saveButton)


        self.formColumn.addLayout(self.formButtons)

        self.formSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.formColumn.addItem(self.formSpacer)


        self.columns.addLayout(self.formColumn)

        self.columns.setStretch(0, 5)
        self.columns.setStretch(1, 6)

        self.mainLayout.addLayout(self.columns)

        self.messageFrame = QFrame(customQuestionsDialog)
        self.messageFrame.setObjectName(u"messageFrame")
        self.messageRow = QHBoxLayout(self.messageFrame)
        self.messageRow.setObjectName(u"messageRow")
        self.customQuestionsMessage = QLabel(self.messageFrame)
        self.customQuestionsMessage.setObjectName(u"customQuestionsMessage")
        self.customQuestionsMessage.setWordWrap(True)

        self.messageRow.addWidget(self.customQuestionsMessage)


        self.mainLayout.addWidget(self.messageFrame)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.importButton = QPushButton(customQuestionsDialog)
        self.importButton.setObjectName(u"importButton")

        self.buttonRow.addWidget(self.importButton)

        self.exportButton = QPushButton(customQuestionsDialog)
        self.exportButton.setObjectName(u"exportButton")

        self.buttonRow.addWidget(self.exportButton)

        self.buttonRowSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonRowSpacer)

        self.closeButton = QPushButton(customQuestionsDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonRow.addWidget(self.closeButton)


        self.mainLayout.addLayout(self.buttonRow)

        self.mainLayout.setStretch(1, 1)

        self.retranslateUi(customQuestionsDialog)

        QMetaObject.connectSlotsByName(customQuestionsDialog)
    # setupUi

    def retranslateUi(self, customQuestionsDialog):
        customQuestionsDialog.setWindowTitle(QCoreApplication.translate("CustomQuestionsDialog", u"Your own questions", None))
        self.introLabel.setText(QCoreApplication.translate("CustomQuestionsDialog", u"The masterclass's questions are read-only. Add your own here, in categories of their own: they are saved in your CoPDesk data and kept across upgrades.", None))
#if QT_CONFIG(accessibility)
        self.categoryFilter.setAccessibleName(QCoreApplication.translate("CustomQuestionsDialog", u"Show the questions of one category", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.customQuestionList.setAccessibleName(QCoreApplication.translate("CustomQuestionsDialog", u"Your questions", None))
#endif // QT_CONFIG(accessibility)
        self.emptyLabel.setText(QCoreApplication.translate("CustomQuestionsDialog", u"No questions of your own yet. Write one on the right, or import a deck.", None))
        self.newButton.setText(QCoreApplication.translate("CustomQuestionsDialog", u"New question", None))
#if QT_CONFIG(accessibility)
        self.newButton.setAccessibleName(QCoreApplication.translate("CustomQuestionsDialog", u"New question", None))
#endif // QT_CONFIG(accessibility)
        self.hideButton.setText(QCoreApplication.translate("CustomQuestionsDialog", u"Hide", None))
#if QT_CONFIG(tooltip)
        self.hideButton.setToolTip(QCoreApplication.translate("CustomQuestionsDialog", u"Hidden questions are never drawn or found by search; show them again any time.", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.hideButton.setAccessibleName(QCoreApplication.translate("CustomQuestionsDialog", u"Hide or show the selected question", None))
#endif // QT_CONFIG(accessibility)
        self.revertButton.setText(QCoreApplication.translate("CustomQuestionsDialog", u"Revert", None))
#if QT_CONFIG(accessibility)
        self.revertButton.setAccessibleName(QCoreApplication.translate("CustomQuestionsDialog", u"Revert the form", None))
#endif // QT_CONFIG(accessibility)
        self.saveButton.setText(QCoreApplication.translate("CustomQuestionsDialog", u"Save question", None))
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(QCoreApplication.translate("CustomQuestionsDialog", u"Save question (Ctrl+S)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.saveButton.setAccessibleName(QCoreApplication.translate("CustomQuestionsDialog", u"Save question", None))
#endif // QT_CONFIG(accessibility)
        self.customQuestionsMessage.setText("")
        self.importButton.setText(QCoreApplication.translate("CustomQuestionsDialog", u"Import deck\u2026", None))
#if QT_CONFIG(accessibility)
        self.importButton.setAccessibleName(QCoreApplication.translate("CustomQuestionsDialog", u"Import a question deck from a TOML file", None))
#endif // QT_CONFIG(accessibility)
        self.exportButton.setText(QCoreApplication.translate("CustomQuestionsDialog", u"Export deck\u2026", None))
#if QT_CONFIG(accessibility)
        self.exportButton.setAccessibleName(QCoreApplication.translate("CustomQuestionsDialog", u"Export the listed questions as a TOML deck", None))
#endif // QT_CONFIG(accessibility)
        self.closeButton.setText(QCoreApplication.translate("CustomQuestionsDialog", u"Close", None))
#if QT_CONFIG(accessibility)
        self.closeButton.setAccessibleName(QCoreApplication.translate("CustomQuestionsDialog", u"Close", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

