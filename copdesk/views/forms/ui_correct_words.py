# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'correct_words.ui'
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
    QLabel, QSizePolicy, QVBoxLayout, QWidget)

from copdesk.views.widgets.bounded_editor import BoundedPlainTextEdit

class Ui_CorrectWordsDialog(object):
    def setupUi(self, correctWordsDialog):
        if not correctWordsDialog.objectName():
            correctWordsDialog.setObjectName(u"correctWordsDialog")
        self.mainLayout = QVBoxLayout(correctWordsDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headingLabel = QLabel(correctWordsDialog)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.headingLabel)

        self.wordsEdit = BoundedPlainTextEdit(correctWordsDialog)
        self.wordsEdit.setObjectName(u"wordsEdit")
        self.wordsEdit.setMinimumSize(QSize(0, 120))
        self.wordsEdit.setTabChangesFocus(True)

        self.mainLayout.addWidget(self.wordsEdit)

        self.hintLabel = QLabel(correctWordsDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)
        self.hintLabel.setProperty(u"role", u"hint")

        self.mainLayout.addWidget(self.hintLabel)

        self.messageLabel = QLabel(correctWordsDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.buttonBox = QDialogButtonBox(correctWordsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

        self.mainLayout.setStretch(1, 1)

        self.retranslateUi(correctWordsDialog)

        QMetaObject.connectSlotsByName(correctWordsDialog)
    # setupUi

    def retranslateUi(self, correctWordsDialog):
        correctWordsDialog.setWindowTitle(QCoreApplication.translate("CorrectWordsDialog", u"Correct the words", None))
        self.headingLabel.setText("")
#if QT_CONFIG(accessibility)
        self.wordsEdit.setAccessibleName(QCoreApplication.translate("CorrectWordsDialog", u"The words", None))
#endif // QT_CONFIG(accessibility)
        self.hintLabel.setText(QCoreApplication.translate("CorrectWordsDialog", u"Only the words change: the record keeps its session, dates, owner and history. Ctrl+Enter saves.", None))
        self.messageLabel.setText("")
    # retranslateUi

