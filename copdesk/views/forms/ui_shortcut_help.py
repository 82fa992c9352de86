# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'shortcut_help.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFrame, QHeaderView,
    QLabel, QSizePolicy, QVBoxLayout, QWidget)

from copdesk.views.widgets.tables import CompactTable

class Ui_ShortcutHelp(object):
    def setupUi(self, shortcutHelp):
        if not shortcutHelp.objectName():
            shortcutHelp.setObjectName(u"shortcutHelp")
        shortcutHelp.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        shortcutHelp.setStyleSheet(u"QFrame#shortcutHelp { background: rgba(0, 0, 0, 110); }")
        self.outerLayout = QVBoxLayout(shortcutHelp)
        self.outerLayout.setObjectName(u"outerLayout")
        self.outerLayout.setContentsMargins(80, 40, 80, 40)
        self.card = QFrame(shortcutHelp)
        self.card.setObjectName(u"card")
        self.card.setProperty(u"pane", True)
        self.cardLayout = QVBoxLayout(self.card)
        self.cardLayout.setObjectName(u"cardLayout")
        self.titleLabel = QLabel(self.card)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setProperty(u"role", u"heading")

        self.cardLayout.addWidget(self.titleLabel)

        self.keysHint = QLabel(self.card)
        self.keysHint.setObjectName(u"keysHint")
        self.keysHint.setWordWrap(True)
        self.keysHint.setProperty(u"role", u"hint")

        self.cardLayout.addWidget(self.keysHint)

        self.shortcutTable = CompactTable(self.card)
        self.shortcutTable.setObjectName(u"shortcutTable")
        self.shortcutTable.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.shortcutTable.horizontalHeader().setStretchLastSection(True)
        self.shortcutTable.verticalHeader().setVisible(False)

        self.cardLayout.addWidget(self.shortcutTable)

        self.closeHint = QLabel(self.card)
        self.closeHint.setObjectName(u"closeHint")
        self.closeHint.setProperty(u"role", u"hint")

        self.cardLayout.addWidget(self.closeHint)

        self.cardLayout.setStretch(2, 1)

        self.outerLayout.addWidget(self.card)


        self.retranslateUi(shortcutHelp)

        QMetaObject.connectSlotsByName(shortcutHelp)
    # setupUi

    def retranslateUi(self, shortcutHelp):
#if QT_CONFIG(accessibility)
        shortcutHelp.setAccessibleName(QCoreApplication.translate("ShortcutHelp", u"Keyboard shortcuts", None))
#endif // QT_CONFIG(accessibility)
        self.titleLabel.setText(QCoreApplication.translate("ShortcutHelp", u"Keyboard shortcuts", None))
        self.keysHint.setText(QCoreApplication.translate("ShortcutHelp", u"Letters and Space act on the timer while a session is live, except while you type in a text box.", None))
#if QT_CONFIG(accessibility)
        self.shortcutTable.setAccessibleName(QCoreApplication.translate("ShortcutHelp", u"Shortcut list", None))
#endif // QT_CONFIG(accessibility)
        self.closeHint.setText(QCoreApplication.translate("ShortcutHelp", u"Press Esc, F1 or ? to close.", None))
    # retranslateUi

