# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'dates_panel.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QDateTimeEdit, QGroupBox,
    QHBoxLayout, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

from copdesk.views.widgets.fitted_list import FittedList

class Ui_DatesPanel(object):
    def setupUi(self, datesPanel):
        if not datesPanel.objectName():
            datesPanel.setObjectName(u"datesPanel")
        self.mainLayout = QHBoxLayout(datesPanel)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(0, 0, 0, 0)
        self.upcomingBox = QGroupBox(datesPanel)
        self.upcomingBox.setObjectName(u"upcomingBox")
        self.upcomingLayout = QVBoxLayout(self.upcomingBox)
        self.upcomingLayout.setObjectName(u"upcomingLayout")
        self.previewView = FittedList(self.upcomingBox)
        self.previewView.setObjectName(u"previewView")
        self.previewView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.upcomingLayout.addWidget(self.previewView)

        self.missingLabel = QLabel(self.upcomingBox)
        self.missingLabel.setObjectName(u"missingLabel")
        self.missingLabel.setWordWrap(True)
        self.missingLabel.setProperty(u"role", u"hint")

        self.upcomingLayout.addWidget(self.missingLabel)

        self.skipButton = QPushButton(self.upcomingBox)
        self.skipButton.setObjectName(u"skipButton")

        self.upcomingLayout.addWidget(self.skipButton)

        self.upcomingSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.upcomingLayout.addItem(self.upcomingSpacer)


        self.mainLayout.addWidget(self.upcomingBox, 0, Qt.AlignmentFlag.AlignTop)

        self.changesBox = QGroupBox(datesPanel)
        self.changesBox.setObjectName(u"changesBox")
        self.changesLayout = QVBoxLayout(self.changesBox)
        self.changesLayout.setObjectName(u"changesLayout")
        self.changesView = FittedList(self.changesBox)
        self.changesView.setObjectName(u"changesView")
        self.changesView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.changesLayout.addWidget(self.changesView)

        self.noChangesLabel = QLabel(self.changesBox)
        self.noChangesLabel.setObjectName(u"noChangesLabel")
        self.noChangesLabel.setWordWrap(True)
        self.noChangesLabel.setProperty(u"role", u"hint")

        self.changesLayout.addWidget(self.noChangesLabel)

        self.undoButton = QPushButton(self.changesBox)
        self.undoButton.setObjectName(u"undoButton")

        self.changesLayout.addWidget(self.undoButton)

        self.extraRow = QHBoxLayout()
        self.extraRow.setObjectName(u"extraRow")
        self.extraEdit = QDateTimeEdit(self.changesBox)
        self.extraEdit.setObjectName(u"extraEdit")
        self.extraEdit.setCalendarPopup(True)

        self.extraRow.addWidget(self.extraEdit)

        self.addOneOffButton = QPushButton(self.changesBox)
        self.addOneOffButton.setObjectName(u"addOneOffButton")

        self.extraRow.addWidget(self.addOneOffButton)

        self.extraRow.setStretch(0, 1)

        self.changesLayout.addLayout(self.extraRow)

        self.changesSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.changesLayout.addItem(self.changesSpacer)


        self.mainLayout.addWidget(self.changesBox, 0, Qt.AlignmentFlag.AlignTop)

        self.mainLayout.setStretch(0, 1)
        self.mainLayout.setStretch(1, 1)

        self.retranslateUi(datesPanel)

        QMetaObject.connectSlotsByName(datesPanel)
    # setupUi

    def retranslateUi(self, datesPanel):
        self.upcomingBox.setTitle(QCoreApplication.translate("DatesPanel", u"Next 6 sessions", None))
#if QT_CONFIG(accessibility)
        self.previewView.setAccessibleName(QCoreApplication.translate("DatesPanel", u"Next 6 sessions", None))
#endif // QT_CONFIG(accessibility)
        self.missingLabel.setText("")
        self.skipButton.setText(QCoreApplication.translate("DatesPanel", u"S&kip the chosen date", None))
#if QT_CONFIG(accessibility)
        self.skipButton.setAccessibleName(QCoreApplication.translate("DatesPanel", u"Skip the chosen date", None))
#endif // QT_CONFIG(accessibility)
        self.changesBox.setTitle(QCoreApplication.translate("DatesPanel", u"Skipped and one-off dates", None))
#if QT_CONFIG(accessibility)
        self.changesView.setAccessibleName(QCoreApplication.translate("DatesPanel", u"Skipped and one-off dates", None))
#endif // QT_CONFIG(accessibility)
        self.noChangesLabel.setText("")
        self.undoButton.setText(QCoreApplication.translate("DatesPanel", u"&Undo the chosen change", None))
#if QT_CONFIG(accessibility)
        self.undoButton.setAccessibleName(QCoreApplication.translate("DatesPanel", u"Restore a skipped date or remove a one-off", None))
#endif // QT_CONFIG(accessibility)
        self.extraEdit.setDisplayFormat(QCoreApplication.translate("DatesPanel", u"ddd d MMM yyyy HH:mm", None))
#if QT_CONFIG(accessibility)
        self.extraEdit.setAccessibleName(QCoreApplication.translate("DatesPanel", u"Date and time of a one-off session", None))
#endif // QT_CONFIG(accessibility)
        self.addOneOffButton.setText(QCoreApplication.translate("DatesPanel", u"Add &one-off", None))
#if QT_CONFIG(accessibility)
        self.addOneOffButton.setAccessibleName(QCoreApplication.translate("DatesPanel", u"Add a one-off session", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

