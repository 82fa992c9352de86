# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'series_dialog.ui'
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
    QListView, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

from copdesk.views.calendar.series_picker import (DatesPanel, RhythmForm)

class Ui_SeriesDialog(object):
    def setupUi(self, seriesDialog):
        if not seriesDialog.objectName():
            seriesDialog.setObjectName(u"seriesDialog")
        seriesDialog.resize(960, 640)
        self.mainLayout = QHBoxLayout(seriesDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.seriesColumn = QVBoxLayout()
        self.seriesColumn.setObjectName(u"seriesColumn")
        self.seriesHeading = QLabel(seriesDialog)
        self.seriesHeading.setObjectName(u"seriesHeading")
        self.seriesHeading.setProperty(u"role", u"paneTitle")

        self.seriesColumn.addWidget(self.seriesHeading)

        self.seriesView = QListView(seriesDialog)
        self.seriesView.setObjectName(u"seriesView")
        self.seriesView.setSpacing(3)
        self.seriesView.setWordWrap(True)

        self.seriesColumn.addWidget(self.seriesView)

        self.emptyLabel = QLabel(seriesDialog)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setWordWrap(True)
        self.emptyLabel.setProperty(u"role", u"emptyState")

        self.seriesColumn.addWidget(self.emptyLabel)

        self.seriesButtons = QHBoxLayout()
        self.seriesButtons.setObjectName(u"seriesButtons")
        self.addButton = QPushButton(seriesDialog)
        self.addButton.setObjectName(u"addButton")

        self.seriesButtons.addWidget(self.addButton)

        self.pauseButton = QPushButton(seriesDialog)
        self.pauseButton.setObjectName(u"pauseButton")

        self.seriesButtons.addWidget(self.pauseButton)

        self.seriesButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.seriesButtons.addItem(self.seriesButtonsSpacer)


        self.seriesColumn.addLayout(self.seriesButtons)

        self.seriesColumn.setStretch(1, 1)

        self.mainLayout.addLayout(self.seriesColumn)

        self.editorColumn = QVBoxLayout()
        self.editorColumn.setObjectName(u"editorColumn")
        self.editorHeading = QLabel(seriesDialog)
        self.editorHeading.setObjectName(u"editorHeading")
        self.editorHeading.setProperty(u"role", u"heading")

        self.editorColumn.addWidget(self.editorHeading)

        self.rhythmForm = RhythmForm(seriesDialog)
        self.rhythmForm.setObjectName(u"rhythmForm")

        self.editorColumn.addWidget(self.rhythmForm)

        self.seriesInWords = QLabel(seriesDialog)
        self.seriesInWords.setObjectName(u"seriesInWords")
        self.seriesInWords.setWordWrap(True)

        self.editorColumn.addWidget(self.seriesInWords)

        self.datesPanel = DatesPanel(seriesDialog)
        self.datesPanel.setObjectName(u"datesPanel")

        self.editorColumn.addWidget(self.datesPanel)

        self.editorSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.editorColumn.addItem(self.editorSpacer)

        self.seriesMessage = QLabel(seriesDialog)
        self.seriesMessage.setObjectName(u"seriesMessage")
        self.seriesMessage.setWordWrap(True)

        self.editorColumn.addWidget(self.seriesMessage)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.buttonRowSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonRowSpacer)

        self.revertButton = QPushButton(seriesDialog)
        self.revertButton.setObjectName(u"revertButton")

        self.buttonRow.addWidget(self.revertButton)

        self.saveButton = QPushButton(seriesDialog)
        self.saveButton.setObjectName(u"saveButton")
        self.saveButton.setProperty(u"primary", True)

        self.buttonRow.addWidget(self.saveButton)

        self.closeButton = QPushButton(seriesDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonRow.addWidget(self.closeButton)


        self.editorColumn.addLayout(self.buttonRow)


        self.mainLayout.addLayout(self.editorColumn)

        self.mainLayout.setStretch(0, 1)
        self.mainLayout.setStretch(1, 2)

        self.retranslateUi(seriesDialog)

        QMetaObject.connectSlotsByName(seriesDialog)
    # setupUi

    def retranslateUi(self, seriesDialog):
        seriesDialog.setWindowTitle(QCoreApplication.translate("SeriesDialog", u"Schedule", None))
        self.seriesHeading.setText(QCoreApplication.translate("SeriesDialog", u"SERIES", None))
#if QT_CONFIG(accessibility)
        self.seriesView.setAccessibleName(QCoreApplication.translate("SeriesDialog", u"The team's series", None))
#endif // QT_CONFIG(accessibility)
        self.emptyLabel.setText(QCoreApplication.translate("SeriesDialog", u"No series yet. Add one: the masterclass suggests a rhythm for each type.", None))
        self.addButton.setText(QCoreApplication.translate("SeriesDialog", u"&Add series", None))
#if QT_CONFIG(accessibility)
        self.addButton.setAccessibleName(QCoreApplication.translate("SeriesDialog", u"Add a series", None))
#endif // QT_CONFIG(accessibility)
        self.pauseButton.setText(QCoreApplication.translate("SeriesDialog", u"&Pause", None))
#if QT_CONFIG(accessibility)
        self.pauseButton.setAccessibleName(QCoreApplication.translate("SeriesDialog", u"Pause or resume the chosen series", None))
#endif // QT_CONFIG(accessibility)
        self.editorHeading.setText("")
        self.seriesInWords.setText("")
        self.seriesMessage.setText("")
        self.revertButton.setText(QCoreApplication.translate("SeriesDialog", u"&Revert", None))
#if QT_CONFIG(accessibility)
        self.revertButton.setAccessibleName(QCoreApplication.translate("SeriesDialog", u"Revert unsaved changes", None))
#endif // QT_CONFIG(accessibility)
        self.saveButton.setText(QCoreApplication.translate("SeriesDialog", u"&Save", None))
#if QT_CONFIG(accessibility)
        self.saveButton.setAccessibleName(QCoreApplication.translate("SeriesDialog", u"Save this series", None))
#endif // QT_CONFIG(accessibility)
        self.closeButton.setText(QCoreApplication.translate("SeriesDialog", u"Close", None))
#if QT_CONFIG(accessibility)
        self.closeButton.setAccessibleName(QCoreApplication.translate("SeriesDialog", u"Close the schedule", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

