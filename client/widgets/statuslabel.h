#pragma once

class QLabel;
class QString;

namespace Hubbub::Client {

//! Shows `text` in a dialog's status line (hidden when empty), in red when it is an error:
//! the red the sign-in dialog uses, readable on light and dark palettes.
void showStatus(QLabel *label, const QString &text, bool error);

} // namespace Hubbub::Client
