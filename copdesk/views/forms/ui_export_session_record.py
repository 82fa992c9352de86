# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'export_session_record.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QSizePolicy, QVBoxLayout, QWidget)

from copdesk.views.widgets.elided_combo import WordElidedCombo

class Ui_SessionRecordDialog(object):
    def setupUi(self, sessionRecordDialog):
        if not sessionRecordDialog.objectName():
            sessionRecordDialog.setObjectName(u"sessionRecordDialog")
        sessionRecordDialog.setMinimumSize(QSize(520, 0))
        self.mainLayout = QVBoxLayout(sessionRecordDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(sessionRecordDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)
        self.introLabel.setProperty(u"role", u"hint")

        self.mainLayout.addWidget(self.introLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.sessionLabel = QLabel(sessionRecordDialog)
        self.sessionLabel.setObjectName(u"sessionLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.sessionLabel)

        self.sessionCombo = WordElidedCombo(sessionRecordDialog)
        self.sessionCombo.setObjectName(u"sessionCombo")
        self.sessionCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.sessionCombo.setMinimumContentsLength(72)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.sessionCombo)

        self.formatLabel = QLabel(sessionRecordDialog)
        self.formatLabel.setObjectName(u"formatLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.formatLabel)

        self.formatCombo = QComboBox(sessionRecordDialog)
        self.formatCombo.setObjectName(u"formatCombo")
        self.formatCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.formatCombo.setMinimumContentsLength(36)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.formatCombo)

        self.namesCheck = QCheckBox(sessionRecordDialog)
        self.namesCheck.setObjectName(u"namesCheck")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.namesCheck)

        self.keepIdentifiersCheck = QCheckBox(sessionRecordDialog)
        self.keepIdentifiersCheck.setObjectName(u"keepIdentifiersCheck")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.keepIdentifiersCheck)


        self.mainLayout.addLayout(self.form)

        self.errorLabel = QLabel(sessionRecordDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setProperty(u"level", u"red")

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(sessionRecordDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.sessionLabel.setBuddy(self.sessionCombo)
        self.formatLabel.setBuddy(self.formatCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(sessionRecordDialog)

        QMetaObject.connectSlotsByName(sessionRecordDialog)
    # setupUi

    def retranslateUi(self, sessionRecordDialog):
        sessionRecordDialog.setWindowTitle(QCoreApplication.translate("SessionRecordDialog", u"Export session record", None))
        self.introLabel.setText(QCoreApplication.translate("SessionRecordDialog", u"A record of one session to share: no participation data, attendance as a count unless you choose to include names, and whatever CoPDesk's identifier check flags (NHS numbers, postcodes, dates of birth, titles with surnames) redacted unless you choose to keep it.", None))
        self.sessionLabel.setText(QCoreApplication.translate("SessionRecordDialog", u"&Session", None))
#if QT_CONFIG(accessibility)
        self.sessionCombo.setAccessibleName(QCoreApplication.translate("SessionRecordDialog", u"Session", None))
#endif // QT_CONFIG(accessibility)
        self.formatLabel.setText(QCoreApplication.translate("SessionRecordDialog", u"&Format", None))
#if QT_CONFIG(accessibility)
        self.formatCombo.setAccessibleName(QCoreApplication.translate("SessionRecordDialog", u"File format", None))
#endif // QT_CONFIG(accessibility)
        self.namesCheck.setText(QCoreApplication.translate("SessionRecordDialog", u"Include who attended and who owns each action", None))
#if QT_CONFIG(accessibility)
        self.namesCheck.setAccessibleName(QCoreApplication.translate("SessionRecordDialog", u"Include names", None))
#endif // QT_CONFIG(accessibility)
        self.keepIdentifiersCheck.setText(QCoreApplication.translate("SessionRecordDialog", u"Keep what the identifier check flags, as typed", None))
#if QT_CONFIG(tooltip)
        self.keepIdentifiersCheck.setToolTip(QCoreApplication.translate("SessionRecordDialog", u"Only when the record stays with people who may see it: by default NHS numbers, postcodes, dates of birth and titles with surnames are redacted", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.keepIdentifiersCheck.setAccessibleName(QCoreApplication.translate("SessionRecordDialog", u"Keep identifiers as typed", None))
#endif // QT_CONFIG(accessibility)
        self.errorLabel.setText("")
#if QT_CONFIG(accessibility)
        self.buttonBox.setAccessibleName(QCoreApplication.translate("SessionRecordDialog", u"Export or cancel", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

