# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'add_people.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_AddPeopleDialog(object):
    def setupUi(self, addPeopleDialog):
        if not addPeopleDialog.objectName():
            addPeopleDialog.setObjectName(u"addPeopleDialog")
        addPeopleDialog.resize(420, 420)
        self.mainLayout = QVBoxLayout(addPeopleDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(addPeopleDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.absentList = QListWidget(addPeopleDialog)
        self.absentList.setObjectName(u"absentList")
        self.absentList.setMinimumSize(QSize(0, 180))

        self.mainLayout.addWidget(self.absentList)

        self.nobodyLabel = QLabel(addPeopleDialog)
        self.nobodyLabel.setObjectName(u"nobodyLabel")
        self.nobodyLabel.setWordWrap(True)
        self.nobodyLabel.setProperty(u"role", u"emptyState")

        self.mainLayout.addWidget(self.nobodyLabel)

        self.guestRow = QHBoxLayout()
        self.guestRow.setObjectName(u"guestRow")
        self.guestEdit = QLineEdit(addPeopleDialog)
        self.guestEdit.setObjectName(u"guestEdit")

        self.guestRow.addWidget(self.guestEdit)

        self.addGuestButton = QPushButton(addPeopleDialog)
        self.addGuestButton.setObjectName(u"addGuestButton")
        self.addGuestButton.setAutoDefault(False)

        self.guestRow.addWidget(self.addGuestButton)

        self.guestRow.setStretch(0, 1)

        self.mainLayout.addLayout(self.guestRow)

        self.addPeopleError = QLabel(addPeopleDialog)
        self.addPeopleError.setObjectName(u"addPeopleError")
        self.addPeopleError.setWordWrap(True)
        self.addPeopleError.setProperty(u"level", u"red")

        self.mainLayout.addWidget(self.addPeopleError)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.buttonRowSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonRowSpacer)

        self.cancelButton = QPushButton(addPeopleDialog)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.cancelButton)

        self.markButton = QPushButton(addPeopleDialog)
        self.markButton.setObjectName(u"markButton")
        self.markButton.setAutoDefault(False)
        self.markButton.setProperty(u"primary", True)

        self.buttonRow.addWidget(self.markButton)


        self.mainLayout.addLayout(self.buttonRow)

        self.mainLayout.setStretch(1, 1)
        self.mainLayout.setStretch(2, 1)

        self.retranslateUi(addPeopleDialog)

        QMetaObject.connectSlotsByName(addPeopleDialog)
    # setupUi

    def retranslateUi(self, addPeopleDialog):
        addPeopleDialog.setWindowTitle(QCoreApplication.translate("AddPeopleDialog", u"Add people present", None))
        self.introLabel.setText(QCoreApplication.translate("AddPeopleDialog", u"Tick who has arrived, or add a guest. They join the tiles at once; the tally so far is kept.", None))
#if QT_CONFIG(accessibility)
        self.absentList.setAccessibleName(QCoreApplication.translate("AddPeopleDialog", u"Team members not yet marked present", None))
#endif // QT_CONFIG(accessibility)
        self.nobodyLabel.setText("")
        self.guestEdit.setPlaceholderText(QCoreApplication.translate("AddPeopleDialog", u"Name of a guest joining now", None))
#if QT_CONFIG(accessibility)
        self.guestEdit.setAccessibleName(QCoreApplication.translate("AddPeopleDialog", u"Guest name", None))
#endif // QT_CONFIG(accessibility)
        self.addGuestButton.setText(QCoreApplication.translate("AddPeopleDialog", u"Add &guest", None))
#if QT_CONFIG(accessibility)
        self.addGuestButton.setAccessibleName(QCoreApplication.translate("AddPeopleDialog", u"Add the guest to who is present", None))
#endif // QT_CONFIG(accessibility)
        self.addPeopleError.setText("")
        self.cancelButton.setText(QCoreApplication.translate("AddPeopleDialog", u"Cancel", None))
#if QT_CONFIG(accessibility)
        self.cancelButton.setAccessibleName(QCoreApplication.translate("AddPeopleDialog", u"Cancel: mark nobody present", None))
#endif // QT_CONFIG(accessibility)
        self.markButton.setText(QCoreApplication.translate("AddPeopleDialog", u"&Mark present", None))
#if QT_CONFIG(accessibility)
        self.markButton.setAccessibleName(QCoreApplication.translate("AddPeopleDialog", u"Mark the ticked people present", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

