# CPack: a Debian package (`cpack -G DEB` in the build folder) of what `cmake --install` installs.
include(GNUInstallDirs)

if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
    set(CPACK_GENERATOR DEB)
else()
    set(CPACK_GENERATOR ZIP) # the binary only; bundling Qt (windeployqt, macdeployqt) is not done here
endif()
set(CPACK_PACKAGE_NAME mailsink)
set(CPACK_PACKAGE_VENDOR "The Mailsink developers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
string(CONCAT CPACK_PACKAGE_DESCRIPTION
    "Mailsink runs a local SMTP server that accepts every message and keeps it\n"
    "instead of delivering it, and shows what arrived in a native Qt window: the\n"
    "live SMTP conversation, the decoded message, its attachments and the exact\n"
    "bytes. A POP3 server lets mail clients fetch what was caught; `mailsink serve`\n"
    "runs it without a window for CI and containers.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "Mailsink developers <mailsink@localhost>"
    CACHE STRING "Maintainer field of the .deb")
set(CPACK_DEBIAN_PACKAGE_SECTION mail)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Library dependencies come from dpkg-shlibdeps (package dpkg-dev). Plugins that Qt loads at run time
# (the SQLite driver, the xcb/wayland platform plugins, the SVG icon engine) are invisible to it, so
# they are always listed; without dpkg-shlibdeps the libraries are listed by hand as well.
find_program(MAILSINK_DPKG_SHLIBDEPS dpkg-shlibdeps)
set(_mailsink_plugin_depends "libqt6sql6-sqlite, qt6-qpa-plugins, libqt6svg6")
if(MAILSINK_DPKG_SHLIBDEPS)
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "${_mailsink_plugin_depends}")
else()
    message(STATUS "dpkg-shlibdeps not found: the .deb lists Debian 12 library names as Depends")
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS OFF)
    set(CPACK_DEBIAN_PACKAGE_DEPENDS
        "libc6, libstdc++6, libqt6core6 (>= 6.4), libqt6gui6 (>= 6.4), libqt6widgets6 (>= 6.4), \
libqt6network6 (>= 6.4), libqt6sql6 (>= 6.4), libqt6concurrent6 (>= 6.4), libmimetic0v5, libssl3, \
${_mailsink_plugin_depends}")
endif()

include(CPack)
