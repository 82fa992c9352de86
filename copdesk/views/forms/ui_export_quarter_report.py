# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'export_quarter_report.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_QuarterReportDialog(object):
    def setupUi(self, quarterReportDialog):
        if not quarterReportDialog.objectName():
            quarterReportDialog.setObjectName(u"quarterReportDialog")
        quarterReportDialog.setMinimumSize(QSize(520, 0))
        self.mainLayout = QVBoxLayout(quarterReportDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(quarterReportDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)
        self.introLabel.setProperty(u"role", u"hint")

        self.mainLayout.addWidget(self.introLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.quarterLabel = QLabel(quarterReportDialog)
        self.quarterLabel.setObjectName(u"quarterLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.quarterLabel)

        self.quarterCombo = QComboBox(quarterReportDialog)
        self.quarterCombo.setObjectName(u"quarterCombo")
        self.quarterCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.quarterCombo.setMinimumContentsLength(36)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.quarterCombo)

        self.formatLabel = QLabel(quarterReportDialog)
        self.formatLabel.setObjectName(u"formatLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.formatLabel)

        self.formatCombo = QComboBox(quarterReportDialog)
        self.formatCombo.setObjectName(u"formatCombo")
        self.formatCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.formatCombo.setMinimumContentsLength(36)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.formatCombo)


        self.mainLayout.addLayout(self.form)

        self.errorLabel = QLabel(quarterReportDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setProperty(u"level", u"red")

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(quarterReportDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.quarterLabel.setBuddy(self.quarterCombo)
        self.formatLabel.setBuddy(self.formatCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(quarterReportDialog)

        QMetaObject.connectSlotsByName(quarterReportDialog)
    # setupUi

    def retranslateUi(self, quarterReportDialog):
        quarterReportDialog.setWindowTitle(QCoreApplication.translate("QuarterReportDialog", u"Export quarterly self-assessment", None))
        self.introLabel.setText(QCoreApplication.translate("QuarterReportDialog", u"Your self-assessment for the Social Work Consultant (Reports \u25b8 Write the self-assessment\u2026) and the feedback's summary, with the figures that support them: sessions held or attended, attendance, team-level balance, actions, recurring issues, escalations and themes. No colleague is named.", None))
        self.quarterLabel.setText(QCoreApplication.translate("QuarterReportDialog", u"&Quarter", None))
#if QT_CONFIG(accessibility)
        self.quarterCombo.setAccessibleName(QCoreApplication.translate("QuarterReportDialog", u"Quarter", None))
#endif // QT_CONFIG(accessibility)
        self.formatLabel.setText(QCoreApplication.translate("QuarterReportDialog", u"&Format", None))
#if QT_CONFIG(accessibility)
        self.formatCombo.setAccessibleName(QCoreApplication.translate("QuarterReportDialog", u"File format", None))
#endif // QT_CONFIG(accessibility)
        self.errorLabel.setText("")
#if QT_CONFIG(accessibility)
        self.buttonBox.setAccessibleName(QCoreApplication.translate("QuarterReportDialog", u"Export or cancel", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

