// The GUI arrives with the desktop-app issue; until then the library only links the core.
namespace MailSink::Ui {
int placeholder()
{
    return 0;
}
} // namespace MailSink::Ui
