# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'rhythm_form.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDateEdit, QGridLayout,
    QLabel, QSizePolicy, QSpinBox, QTimeEdit,
    QWidget)

class Ui_RhythmForm(object):
    def setupUi(self, rhythmForm):
        if not rhythmForm.objectName():
            rhythmForm.setObjectName(u"rhythmForm")
        self.form = QGridLayout(rhythmForm)
        self.form.setObjectName(u"form")
        self.form.setContentsMargins(0, 0, 0, 0)
        self.kindLabel = QLabel(rhythmForm)
        self.kindLabel.setObjectName(u"kindLabel")

        self.form.addWidget(self.kindLabel, 0, 0, 1, 1)

        self.kindCombo = QComboBox(rhythmForm)
        self.kindCombo.setObjectName(u"kindCombo")

        self.form.addWidget(self.kindCombo, 0, 1, 1, 1)

        self.whoRunsIt = QLabel(rhythmForm)
        self.whoRunsIt.setObjectName(u"whoRunsIt")
        self.whoRunsIt.setWordWrap(True)

        self.form.addWidget(self.whoRunsIt, 1, 1, 1, 1)

        self.weekCounting = QLabel(rhythmForm)
        self.weekCounting.setObjectName(u"weekCounting")
        self.weekCounting.setWordWrap(True)

        self.form.addWidget(self.weekCounting, 2, 1, 1, 1)

        self.weeksLabel = QLabel(rhythmForm)
        self.weeksLabel.setObjectName(u"weeksLabel")

        self.form.addWidget(self.weeksLabel, 3, 0, 1, 1)

        self.weeksCombo = QComboBox(rhythmForm)
        self.weeksCombo.setObjectName(u"weeksCombo")

        self.form.addWidget(self.weeksCombo, 3, 1, 1, 1)

        self.dayLabel = QLabel(rhythmForm)
        self.dayLabel.setObjectName(u"dayLabel")

        self.form.addWidget(self.dayLabel, 4, 0, 1, 1)

        self.dayCombo = QComboBox(rhythmForm)
        self.dayCombo.setObjectName(u"dayCombo")

        self.form.addWidget(self.dayCombo, 4, 1, 1, 1)

        self.timeLabel = QLabel(rhythmForm)
        self.timeLabel.setObjectName(u"timeLabel")

        self.form.addWidget(self.timeLabel, 5, 0, 1, 1)

        self.timeEdit = QTimeEdit(rhythmForm)
        self.timeEdit.setObjectName(u"timeEdit")

        self.form.addWidget(self.timeEdit, 5, 1, 1, 1)

        self.firstDateLabel = QLabel(rhythmForm)
        self.firstDateLabel.setObjectName(u"firstDateLabel")

        self.form.addWidget(self.firstDateLabel, 6, 0, 1, 1)

        self.firstDateEdit = QDateEdit(rhythmForm)
        self.firstDateEdit.setObjectName(u"firstDateEdit")
        self.firstDateEdit.setCalendarPopup(True)

        self.form.addWidget(self.firstDateEdit, 6, 1, 1, 1)

        self.durationLabel = QLabel(rhythmForm)
        self.durationLabel.setObjectName(u"durationLabel")

        self.form.addWidget(self.durationLabel, 7, 0, 1, 1)

        self.durationSpin = QSpinBox(rhythmForm)
        self.durationSpin.setObjectName(u"durationSpin")
        self.durationSpin.setMinimum(5)
        self.durationSpin.setMaximum(480)
        self.durationSpin.setSingleStep(15)

        self.form.addWidget(self.durationSpin, 7, 1, 1, 1)

        self.form.setColumnStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kindCombo)
        self.weeksLabel.setBuddy(self.weeksCombo)
        self.dayLabel.setBuddy(self.dayCombo)
        self.timeLabel.setBuddy(self.timeEdit)
        self.firstDateLabel.setBuddy(self.firstDateEdit)
        self.durationLabel.setBuddy(self.durationSpin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(rhythmForm)

        QMetaObject.connectSlotsByName(rhythmForm)
    # setupUi

    def retranslateUi(self, rhythmForm):
        self.kindLabel.setText(QCoreApplication.translate("RhythmForm", u"&Type", None))
#if QT_CONFIG(accessibility)
        self.kindCombo.setAccessibleName(QCoreApplication.translate("RhythmForm", u"Session type", None))
#endif // QT_CONFIG(accessibility)
        self.whoRunsIt.setProperty(u"role", QCoreApplication.translate("RhythmForm", u"hint", None))
        self.weekCounting.setProperty(u"role", QCoreApplication.translate("RhythmForm", u"hint", None))
        self.weeksLabel.setText(QCoreApplication.translate("RhythmForm", u"&Weeks", None))
#if QT_CONFIG(tooltip)
        self.weeksCombo.setToolTip(QCoreApplication.translate("RhythmForm", u"Weeks count the day: the 2nd week holds the month's 2nd Thursday, and so on.", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.weeksCombo.setAccessibleName(QCoreApplication.translate("RhythmForm", u"Weeks of the month", None))
#endif // QT_CONFIG(accessibility)
        self.dayLabel.setText(QCoreApplication.translate("RhythmForm", u"&Day", None))
#if QT_CONFIG(accessibility)
        self.dayCombo.setAccessibleName(QCoreApplication.translate("RhythmForm", u"Day of the week", None))
#endif // QT_CONFIG(accessibility)
        self.timeLabel.setText(QCoreApplication.translate("RhythmForm", u"T&ime", None))
        self.timeEdit.setDisplayFormat(QCoreApplication.translate("RhythmForm", u"HH:mm", None))
#if QT_CONFIG(accessibility)
        self.timeEdit.setAccessibleName(QCoreApplication.translate("RhythmForm", u"Start time", None))
#endif // QT_CONFIG(accessibility)
        self.firstDateLabel.setText(QCoreApplication.translate("RhythmForm", u"Starting &from", None))
        self.firstDateEdit.setDisplayFormat(QCoreApplication.translate("RhythmForm", u"ddd d MMM yyyy", None))
#if QT_CONFIG(accessibility)
        self.firstDateEdit.setAccessibleName(QCoreApplication.translate("RhythmForm", u"Starting from", None))
#endif // QT_CONFIG(accessibility)
        self.durationLabel.setText(QCoreApplication.translate("RhythmForm", u"&Length", None))
        self.durationSpin.setSuffix(QCoreApplication.translate("RhythmForm", u" min", None))
#if QT_CONFIG(accessibility)
        self.durationSpin.setAccessibleName(QCoreApplication.translate("RhythmForm", u"Length in minutes", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

