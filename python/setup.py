"""Builds the qingxi Python package: the C++ engine through CMake, the rules as package data.

CMake configures the repository (one directory up) in a build tree of its own with
QINGXI_PYTHON=ON, which compiles the static libraries as position-independent code and adds the
extension target _qingxi (python/CMakeLists.txt, pybind11's CMake support). Only that target is
built; CMake knows every system library the engine links. The build tree is kept (setuptools'
build_temp, or $QINGXI_PYTHON_BUILD_DIR), so a reinstall recompiles only what changed; ccache is
used when it is installed.
"""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def project_version():
    text = (ROOT / "CMakeLists.txt").read_text(encoding="utf-8")
    match = re.search(r"project\(qingxi\s+VERSION\s+([0-9.]+)", text)
    if not match:
        sys.exit("setup.py: no 'project(qingxi VERSION x.y.z)' in " + str(ROOT / "CMakeLists.txt"))
    return match.group(1)


class CMakeExtension(Extension):
    def __init__(self, name):
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        if shutil.which("cmake") is None:
            sys.exit("setup.py: cmake not found; run scripts/install-deps.sh first")
        target = Path(self.get_ext_fullpath(ext.name)).resolve()
        build_dir = Path(os.environ.get("QINGXI_PYTHON_BUILD_DIR") or
                         Path(self.build_temp).resolve() / "cmake")
        configure = [
            "cmake", "-S", str(ROOT), "-B", str(build_dir),
            "-DCMAKE_BUILD_TYPE=Release",
            "-DQINGXI_PYTHON=ON", "-DQINGXI_BUILD_TESTS=OFF", "-DQINGXI_BUILD_BENCH=OFF",
            "-DPython_EXECUTABLE=" + sys.executable,
            "-DQINGXI_PYTHON_OUTPUT_DIR=" + str(target.parent),
        ]
        if shutil.which("ccache"):
            configure += ["-DCMAKE_CXX_COMPILER_LAUNCHER=ccache", "-DCMAKE_C_COMPILER_LAUNCHER=ccache"]
        jobs = os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL") or str(os.cpu_count() or 2)
        subprocess.run(configure, check=True)
        subprocess.run(["cmake", "--build", str(build_dir), "--target", "_qingxi", "-j", jobs],
                       check=True)
        if not target.exists():
            sys.exit(f"setup.py: CMake did not produce {target}")


class BuildPyWithRules(build_py):
    """Copies the repository's rules/ into the package, so `import qingxi` finds them anywhere."""

    def run(self):
        super().run()
        dest = Path(self.build_lib) / "qingxi" / "rules"
        if dest.exists():
            shutil.rmtree(dest)
        shutil.copytree(ROOT / "rules", dest)


setup(
    version=project_version(),
    ext_modules=[CMakeExtension("qingxi._qingxi")],
    cmdclass={"build_ext": CMakeBuild, "build_py": BuildPyWithRules},
    zip_safe=False,
)
