# FindMimetic
# -----------
# mimetic ships neither a CMake package nor a pkg-config file, so find it by hand.
# Defines the imported target Mimetic::Mimetic (headers as SYSTEM includes, so its
# warnings never reach our build) and Mimetic_FOUND / Mimetic_VERSION.

find_path(Mimetic_INCLUDE_DIR NAMES mimetic/mimetic.h)
find_library(Mimetic_LIBRARY NAMES mimetic)

if(Mimetic_INCLUDE_DIR AND EXISTS "${Mimetic_INCLUDE_DIR}/mimetic/libconfig.h")
    file(STRINGS "${Mimetic_INCLUDE_DIR}/mimetic/libconfig.h" _mimetic_version_line
         REGEX "#define[ 	]+(MIMETIC_)?VERSION[ 	]+\"")
    if(_mimetic_version_line MATCHES "\"([0-9.]+)\"")
        set(Mimetic_VERSION "${CMAKE_MATCH_1}")
    endif()
endif()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Mimetic
    REQUIRED_VARS Mimetic_LIBRARY Mimetic_INCLUDE_DIR
    VERSION_VAR Mimetic_VERSION)

if(Mimetic_FOUND AND NOT TARGET Mimetic::Mimetic)
    add_library(Mimetic::Mimetic UNKNOWN IMPORTED)
    set_target_properties(Mimetic::Mimetic PROPERTIES
        IMPORTED_LOCATION "${Mimetic_LIBRARY}"
        INTERFACE_SYSTEM_INCLUDE_DIRECTORIES "${Mimetic_INCLUDE_DIR}"
        INTERFACE_INCLUDE_DIRECTORIES "${Mimetic_INCLUDE_DIR}")
endif()
mark_as_advanced(Mimetic_INCLUDE_DIR Mimetic_LIBRARY)
