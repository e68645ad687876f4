# One INTERFACE target carries the language level, warnings and Qt strictness defines.
add_library(mailsink_options INTERFACE)
target_compile_features(mailsink_options INTERFACE cxx_std_20)
target_compile_definitions(mailsink_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_FOREACH)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(mailsink_options INTERFACE -Wall -Wextra -Wpedantic)
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
        target_compile_options(mailsink_options INTERFACE -Wshadow=local)
    endif()
    if(MAILSINK_WERROR)
        target_compile_options(mailsink_options INTERFACE -Werror)
    endif()
    if(MAILSINK_SANITIZE)
        target_compile_options(mailsink_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
        target_link_options(mailsink_options INTERFACE -fsanitize=address,undefined)
    endif()
elseif(MSVC)
    target_compile_options(mailsink_options INTERFACE /W4 /permissive- /utf-8)
    if(MAILSINK_WERROR)
        target_compile_options(mailsink_options INTERFACE /WX)
    endif()
endif()
