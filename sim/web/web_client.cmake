# The browser client (sim/web) inside the main build: its own CMake project, configured with
# Debian's emscripten toolchain in <build>/web and rebuilt with every build (an up-to-date tree
# costs a second). `moneytrail serve` sends <build>/web/dist.
#
# Debian's emscripten ships its system libraries prebuilt and refuses to build more (its config
# sets FROZEN_CACHE). EM_CACHE is a tree of links to that cache inside the build folder, so the
# web build never writes outside the build folder and costs no system-library build.
option(MT_WEB_CLIENT "Build the browser client with Debian's emscripten (package emscripten)" ON)
set(MT_WEB_BUILD_TYPE Release CACHE STRING
    "Build type of the browser client: Release, or Check (light optimisation; the test preset)")
set(MT_WEB_DIST ${CMAKE_BINARY_DIR}/web/dist CACHE INTERNAL "The browser client's files, for serve and the tests")
if(MT_WEB_CLIENT)
    find_program(MT_EMCC emcc)
    find_file(MT_EMSCRIPTEN_TOOLCHAIN Emscripten.cmake
              PATHS /usr/share/emscripten/cmake/Modules/Platform NO_DEFAULT_PATH)
    find_program(MT_DEBIAN_PYTHON python3 PATHS /usr/bin NO_DEFAULT_PATH)
    if(NOT MT_EMCC OR NOT MT_EMSCRIPTEN_TOOLCHAIN)
        message(FATAL_ERROR "The browser client needs emscripten (run `make deps`, or configure "
                            "with -DMT_WEB_CLIENT=OFF to build without it)")
    endif()
    set(MT_WEB_BUILD ${CMAKE_BINARY_DIR}/web)
    set(MT_EM_CACHE ${MT_WEB_BUILD}/emcache)
    # Node finds Debian's acorn and friends (which emscripten's JavaScript tools need) here, also
    # when the node on PATH is not Debian's own.
    set(MT_WEB_ENV EM_CACHE=${MT_EM_CACHE} NODE_PATH=/usr/share/nodejs)
    include(ExternalProject)
    ExternalProject_Add(mt_web_client
        SOURCE_DIR ${MT_SOURCE_DIR}/sim/web
        BINARY_DIR ${MT_WEB_BUILD}
        STAMP_DIR ${MT_WEB_BUILD}/stamp
        TMP_DIR ${MT_WEB_BUILD}/tmp
        CONFIGURE_COMMAND
            ${CMAKE_COMMAND} -DCACHE=${MT_EM_CACHE} -P ${MT_SOURCE_DIR}/sim/web/link_em_cache.cmake
            COMMAND ${CMAKE_COMMAND} -E env ${MT_WEB_ENV}
                ${CMAKE_COMMAND} -G Ninja -S ${MT_SOURCE_DIR}/sim/web -B ${MT_WEB_BUILD}
                -DCMAKE_TOOLCHAIN_FILE=${MT_EMSCRIPTEN_TOOLCHAIN} -DCMAKE_BUILD_TYPE=${MT_WEB_BUILD_TYPE}
                -DMT_SOURCE_DIR=${MT_SOURCE_DIR} -DPython3_EXECUTABLE=${MT_DEBIAN_PYTHON}
                -DCMAKE_UNITY_BUILD=${CMAKE_UNITY_BUILD} -DCMAKE_UNITY_BUILD_BATCH_SIZE=${CMAKE_UNITY_BUILD_BATCH_SIZE}
        BUILD_COMMAND ${CMAKE_COMMAND} -E env ${MT_WEB_ENV} ${CMAKE_COMMAND} --build ${MT_WEB_BUILD}
        BUILD_ALWAYS ON
        INSTALL_COMMAND ""
        USES_TERMINAL_BUILD ON)
endif()
# Where `moneytrail serve` finds the page unless --web-dir says otherwise.
target_compile_definitions(moneytrail PRIVATE MT_WEB_CLIENT_DIR="${MT_WEB_DIST}")
