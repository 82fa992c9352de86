# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'change_action.ui'
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
    QFormLayout, QLabel, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_ChangeActionDialog(object):
    def setupUi(self, changeActionDialog):
        if not changeActionDialog.objectName():
            changeActionDialog.setObjectName(u"changeActionDialog")
        self.mainLayout = QVBoxLayout(changeActionDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headingLabel = QLabel(changeActionDialog)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setWordWrap(True)
        self.headingLabel.setProperty(u"role", u"heading")

        self.mainLayout.addWidget(self.headingLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.ownerLabel = QLabel(changeActionDialog)
        self.ownerLabel.setObjectName(u"ownerLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.ownerLabel)

        self.dueLabel = QLabel(changeActionDialog)
        self.dueLabel.setObjectName(u"dueLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dueLabel)


        self.mainLayout.addLayout(self.form)

        self.messageLabel = QLabel(changeActionDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.messageLabel)

        self.buttonBox = QDialogButtonBox(changeActionDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)


        self.retranslateUi(changeActionDialog)

        QMetaObject.connectSlotsByName(changeActionDialog)
    # setupUi

    def retranslateUi(self, changeActionDialog):
        changeActionDialog.setWindowTitle(QCoreApplication.translate("ChangeActionDialog", u"Change action", None))
        self.headingLabel.setText("")
        self.ownerLabel.setText(QCoreApplication.translate("ChangeActionDialog", u"New &owner", None))
        self.dueLabel.setText(QCoreApplication.translate("ChangeActionDialog", u"New &due date", None))
        self.messageLabel.setText("")
    # retranslateUi

