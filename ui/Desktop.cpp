#include "Desktop.h"

#include <QApplication>
#include <QMessageBox>

namespace MailSink::Ui {

int runDesktop(const QStringList &arguments)
{
    Q_UNUSED(arguments);
    QMessageBox::information(nullptr, QApplication::translate("Desktop", "Mailsink"),
                             QApplication::translate("Desktop", "The desktop window is not built yet. "
                                                                "Run \"mailsink serve\" to catch mail."));
    return 0;
}

} // namespace MailSink::Ui
