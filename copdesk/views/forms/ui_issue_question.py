# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'issue_question.ui'
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
    QLabel, QLineEdit, QSizePolicy, QVBoxLayout,
    QWidget)

from copdesk.views.widgets.bounded_editor import BoundedPlainTextEdit

class Ui_IssueQuestionDialog(object):
    def setupUi(self, issueQuestionDialog):
        if not issueQuestionDialog.objectName():
            issueQuestionDialog.setObjectName(u"issueQuestionDialog")
        issueQuestionDialog.setMinimumSize(QSize(480, 0))
        self.mainLayout = QVBoxLayout(issueQuestionDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.promptLabel = QLabel(issueQuestionDialog)
        self.promptLabel.setObjectName(u"promptLabel")
        self.promptLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.promptLabel)

        self.wordsEdit = BoundedPlainTextEdit(issueQuestionDialog)
        self.wordsEdit.setObjectName(u"wordsEdit")
        self.wordsEdit.setMinimumSize(QSize(0, 120))
        self.wordsEdit.setTabChangesFocus(True)

        self.mainLayout.addWidget(self.wordsEdit)

        self.lineEdit = QLineEdit(issueQuestionDialog)
        self.lineEdit.setObjectName(u"lineEdit")

        self.mainLayout.addWidget(self.lineEdit)

        self.messageLabel = QLabel(issueQuestionDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.buttonBox = QDialogButtonBox(issueQuestionDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

        self.mainLayout.setStretch(1, 1)

        self.retranslateUi(issueQuestionDialog)

        QMetaObject.connectSlotsByName(issueQuestionDialog)
    # setupUi

    def retranslateUi(self, issueQuestionDialog):
        self.promptLabel.setText("")
#if QT_CONFIG(accessibility)
        self.wordsEdit.setAccessibleName(QCoreApplication.translate("IssueQuestionDialog", u"Resolution", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.lineEdit.setAccessibleName(QCoreApplication.translate("IssueQuestionDialog", u"Title", None))
#endif // QT_CONFIG(accessibility)
        self.messageLabel.setText("")
        pass
    # retranslateUi

