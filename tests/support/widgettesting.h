#pragma once

#include "postdelegate.h"

#include <QApplication>
#include <QWidget>

#include <functional>

class QDialog;

namespace Hubbub::Client {
class FeedView;
class Sidebar;
} // namespace Hubbub::Client

namespace Hubbub::Test {

//! The visible top-level widget of type T (dialogs opened with open() are top-level windows).
template<class T>
T *findWindow()
{
    const QWidgetList widgets = QApplication::topLevelWidgets();
    for (QWidget *widget : widgets) {
        if (auto *found = qobject_cast<T *>(widget); found && found->isVisible())
            return found;
    }
    return nullptr;
}

//! Closes every visible dialog and menu a test left open (but not a sign-in dialog, which the
//! app itself owns), so that the next test starts clean.
void closeDialogsAndMenus();

//! Runs `act` on the next modal dialog once it shows (it opens inside the nested event loop of
//! the click that asks for it). Gives up after about ten seconds by rejecting whatever modal
//! dialog is open, so a test that never sees its dialog fails instead of hanging.
void onNextModal(std::function<void(QDialog *)> act);

//! Makes `window` the active window, as a click on it would; false after 5 s without.
bool activateWindow(QWidget *window);

//! Scrolls card `row` of a feed view into sight and clicks its `action` link with the mouse;
//! false when the card shows no such link.
bool clickCardAction(Client::FeedView *view, int row, Client::PostDelegate::Action action);

//! Clicks a sidebar channel row with the mouse.
bool clickChannel(Client::Sidebar *sidebar, int row);

} // namespace Hubbub::Test
