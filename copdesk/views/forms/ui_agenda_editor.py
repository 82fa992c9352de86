# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'agenda_editor.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QDialog,
    QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QTableView, QVBoxLayout,
    QWidget)

class Ui_AgendaEditorDialog(object):
    def setupUi(self, agendaEditor):
        if not agendaEditor.objectName():
            agendaEditor.setObjectName(u"agendaEditor")
        agendaEditor.setMinimumSize(QSize(640, 560))
        self.mainLayout = QVBoxLayout(agendaEditor)
        self.mainLayout.setObjectName(u"mainLayout")
        self.kindRow = QHBoxLayout()
        self.kindRow.setObjectName(u"kindRow")
        self.kindLabel = QLabel(agendaEditor)
        self.kindLabel.setObjectName(u"kindLabel")

        self.kindRow.addWidget(self.kindLabel)

        self.kindCombo = QComboBox(agendaEditor)
        self.kindCombo.setObjectName(u"kindCombo")

        self.kindRow.addWidget(self.kindCombo)

        self.kindRow.setStretch(1, 1)

        self.mainLayout.addLayout(self.kindRow)

        self.sourceLabel = QLabel(agendaEditor)
        self.sourceLabel.setObjectName(u"sourceLabel")
        self.sourceLabel.setWordWrap(True)
        self.sourceLabel.setProperty(u"role", u"hint")

        self.mainLayout.addWidget(self.sourceLabel)

        self.agendaTable = QTableView(agendaEditor)
        self.agendaTable.setObjectName(u"agendaTable")
        self.agendaTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.agendaTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.agendaTable.verticalHeader().setVisible(False)

        self.mainLayout.addWidget(self.agendaTable)

        self.hintLabel = QLabel(agendaEditor)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)
        self.hintLabel.setProperty(u"role", u"hint")

        self.mainLayout.addWidget(self.hintLabel)

        self.totalLabel = QLabel(agendaEditor)
        self.totalLabel.setObjectName(u"totalLabel")

        self.mainLayout.addWidget(self.totalLabel)

        self.errorLabel = QLabel(agendaEditor)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setProperty(u"level", u"red")

        self.mainLayout.addWidget(self.errorLabel)

        self.editRow = QHBoxLayout()
        self.editRow.setObjectName(u"editRow")
        self.addButton = QPushButton(agendaEditor)
        self.addButton.setObjectName(u"addButton")

        self.editRow.addWidget(self.addButton)

        self.removeButton = QPushButton(agendaEditor)
        self.removeButton.setObjectName(u"removeButton")

        self.editRow.addWidget(self.removeButton)

        self.moveUpButton = QPushButton(agendaEditor)
        self.moveUpButton.setObjectName(u"moveUpButton")

        self.editRow.addWidget(self.moveUpButton)

        self.moveDownButton = QPushButton(agendaEditor)
        self.moveDownButton.setObjectName(u"moveDownButton")

        self.editRow.addWidget(self.moveDownButton)

        self.resetButton = QPushButton(agendaEditor)
        self.resetButton.setObjectName(u"resetButton")

        self.editRow.addWidget(self.resetButton)

        self.editRowSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.editRow.addItem(self.editRowSpacer)


        self.mainLayout.addLayout(self.editRow)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.buttonRowSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonRowSpacer)

        self.cancelButton = QPushButton(agendaEditor)
        self.cancelButton.setObjectName(u"cancelButton")

        self.buttonRow.addWidget(self.cancelButton)

        self.saveButton = QPushButton(agendaEditor)
        self.saveButton.setObjectName(u"saveButton")
        self.saveButton.setProperty(u"primary", True)

        self.buttonRow.addWidget(self.saveButton)


        self.mainLayout.addLayout(self.buttonRow)

        self.mainLayout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kindCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(agendaEditor)

        QMetaObject.connectSlotsByName(agendaEditor)
    # setupUi

    def retranslateUi(self, agendaEditor):
        agendaEditor.setWindowTitle(QCoreApplication.translate("AgendaEditorDialog", u"Agenda templates", None))
        self.kindLabel.setText(QCoreApplication.translate("AgendaEditorDialog", u"Session &type", None))
#if QT_CONFIG(accessibility)
        self.kindCombo.setAccessibleName(QCoreApplication.translate("AgendaEditorDialog", u"Session type", None))
#endif // QT_CONFIG(accessibility)
        self.sourceLabel.setText("")
#if QT_CONFIG(accessibility)
        self.agendaTable.setAccessibleName(QCoreApplication.translate("AgendaEditorDialog", u"Agenda segments", None))
#endif // QT_CONFIG(accessibility)
        self.hintLabel.setText(QCoreApplication.translate("AgendaEditorDialog", u"Double-click a name, purpose or minutes to change it; the team's agenda is used from the next session.", None))
        self.totalLabel.setText("")
        self.errorLabel.setText("")
        self.addButton.setText(QCoreApplication.translate("AgendaEditorDialog", u"&Add", None))
#if QT_CONFIG(accessibility)
        self.addButton.setAccessibleName(QCoreApplication.translate("AgendaEditorDialog", u"Add a segment after the selected one", None))
#endif // QT_CONFIG(accessibility)
        self.removeButton.setText(QCoreApplication.translate("AgendaEditorDialog", u"&Remove", None))
#if QT_CONFIG(accessibility)
        self.removeButton.setAccessibleName(QCoreApplication.translate("AgendaEditorDialog", u"Remove the selected segment", None))
#endif // QT_CONFIG(accessibility)
        self.moveUpButton.setText(QCoreApplication.translate("AgendaEditorDialog", u"Move &up", None))
#if QT_CONFIG(accessibility)
        self.moveUpButton.setAccessibleName(QCoreApplication.translate("AgendaEditorDialog", u"Move the selected segment up", None))
#endif // QT_CONFIG(accessibility)
        self.moveDownButton.setText(QCoreApplication.translate("AgendaEditorDialog", u"Move &down", None))
#if QT_CONFIG(accessibility)
        self.moveDownButton.setAccessibleName(QCoreApplication.translate("AgendaEditorDialog", u"Move the selected segment down", None))
#endif // QT_CONFIG(accessibility)
        self.resetButton.setText(QCoreApplication.translate("AgendaEditorDialog", u"Re&set to shipped", None))
#if QT_CONFIG(accessibility)
        self.resetButton.setAccessibleName(QCoreApplication.translate("AgendaEditorDialog", u"Reset to the shipped agenda", None))
#endif // QT_CONFIG(accessibility)
        self.cancelButton.setText(QCoreApplication.translate("AgendaEditorDialog", u"Cancel", None))
#if QT_CONFIG(accessibility)
        self.cancelButton.setAccessibleName(QCoreApplication.translate("AgendaEditorDialog", u"Close without saving", None))
#endif // QT_CONFIG(accessibility)
        self.saveButton.setText(QCoreApplication.translate("AgendaEditorDialog", u"&Save", None))
#if QT_CONFIG(accessibility)
        self.saveButton.setAccessibleName(QCoreApplication.translate("AgendaEditorDialog", u"Save this agenda for the team", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

