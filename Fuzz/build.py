#!/usr/bin/env python3
"""Builds the libFuzzer harnesses in Fuzz/Harnesses with swiftc -sanitize=fuzzer,address.

Each harness names the package targets it needs on its first line (`// fuzz-targets: A B`). The
targets' sources and dependencies come from `swift package describe`, so the harnesses follow the
package as targets move; every needed target is compiled once (whole module, optimised, instrumented)
into .build-fuzz/, and a resource embedded in code gets the same `PackageResources` accessor SwiftPM
generates.
"""
import glob
import hashlib
import json
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, ".build-fuzz")
# Search paths for system library targets (their module maps), added as they are reached.
INCLUDES = []
# Objects of other packages' products the harness being built needs.
PRODUCT_OBJECTS = []
FLAGS = ["-sanitize=fuzzer,address", "-O", "-g", "-swift-version", "6", "-parse-as-library"]


def describe():
    # A scratch path of its own: with .build's, `describe` would wait for any `swift build` running there.
    text = subprocess.run(
        ["swift", "package", "--scratch-path", os.path.join(OUT, "spm"), "describe", "--type", "json"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout
    return {target["name"]: target for target in json.loads(text)["targets"]}


def closure(names, targets):
    order, seen = [], set()

    def visit(name):
        if name in seen:
            return
        seen.add(name)
        for dependency in targets[name].get("target_dependencies", []):
            visit(dependency)
        order.append(name)

    for name in names:
        visit(name)
    return order


def newer(output, inputs):
    if not os.path.exists(output):
        return False
    built = os.path.getmtime(output)
    return all(os.path.getmtime(path) <= built for path in inputs)


# Each target's fingerprint: its sources (paths, sizes, times), its resources, its dependencies'
# fingerprints and the flags. A target is compiled again whenever its fingerprint changes, so files
# added or removed, or an object written from older sources, never leave a stale module behind.
FINGERPRINTS = {}


def fingerprint(name, target, files):
    digest = hashlib.sha256(" ".join(FLAGS).encode())
    for path in sorted(files):
        info = os.stat(path)
        digest.update(f"{path}:{info.st_size}:{info.st_mtime_ns}".encode())
    for dependency in target.get("target_dependencies", []):
        digest.update(FINGERPRINTS.get(dependency, "").encode())
    FINGERPRINTS[name] = digest.hexdigest()
    return FINGERPRINTS[name]


def resource_accessor(target, folder):
    lines = ["enum PackageResources {"]
    for resource in target.get("resources") or []:
        if "embed_in_code" not in resource["rule"]:
            continue
        path = resource["path"]
        with open(path, "rb") as handle:
            data = handle.read()
        name = os.path.basename(path).replace(".", "_").replace("-", "_")
        lines.append(f"    static let {name}: [UInt8] = [{','.join(str(b) for b in data)}]")
    lines.append("}")
    accessor = os.path.join(folder, "resource_accessor.swift")
    with open(accessor, "w") as handle:
        handle.write("\n".join(lines) + "\n")
    return accessor


def debug_build():
    """The ordinary debug build's folder, where products of other packages are taken from."""
    for folder in [os.path.join(ROOT, ".build", "debug"), *glob.glob(os.path.join(ROOT, ".build", "*", "debug"))]:
        if os.path.isdir(os.path.join(folder, "Modules")):
            return folder
    sys.exit("fuzz: no .build/debug: run `swift build` first (harnesses link other packages' products from it)")


def product_objects(product):
    """A product of another package (such as swift-system's SystemPackage), as the debug build made it:
    its module, its objects and those of the C targets of its package (their module maps from the
    checkout). Not instrumented: only the package's own code is fuzzed."""
    built = debug_build()
    folder = os.path.join(OUT, "products")
    os.makedirs(folder, exist_ok=True)
    module = os.path.join(built, "Modules", product + ".swiftmodule")
    if not os.path.exists(module):
        sys.exit(f"fuzz: the debug build has no module {product}: run `swift build` first")
    shutil.copy(module, folder)
    objects = glob.glob(os.path.join(built, product + ".build", "*.o"))
    for include in glob.glob(os.path.join(ROOT, ".build", "checkouts", "*", "Sources", "*", "include")):
        if not os.path.exists(os.path.join(include, "module.modulemap")):
            continue
        c_target = os.path.basename(os.path.dirname(include))
        objects += glob.glob(os.path.join(built, c_target + ".build", "*.o"))
        add_include(include)
    add_include(folder)
    return objects


def add_include(folder):
    if folder not in INCLUDES:
        INCLUDES.extend(["-I", folder])


def build_target(name, target):
    if target.get("type") == "system-target":
        INCLUDES.extend(["-I", os.path.join(ROOT, target["path"])])
        return None
    for product in target.get("product_dependencies") or []:
        PRODUCT_OBJECTS.extend(obj for obj in product_objects(product) if obj not in PRODUCT_OBJECTS)
    folder = os.path.join(OUT, "modules", name)
    os.makedirs(folder, exist_ok=True)
    sources = [os.path.join(ROOT, target["path"], source) for source in target["sources"]]
    resources = [resource["path"] for resource in target.get("resources") or []]
    obj = os.path.join(folder, name + ".o")
    stamp = os.path.join(folder, "fingerprint")
    current = fingerprint(name, target, sources + resources)
    if os.path.exists(obj) and os.path.exists(stamp) and open(stamp).read() == current:
        return obj
    if resources:
        sources.append(resource_accessor(target, folder))
    print(f"fuzz: compiling {name}", flush=True)
    subprocess.run(
        ["swiftc", *FLAGS, "-module-name", name, "-wmo", "-c", *sources, "-o", obj,
         "-emit-module", "-emit-module-path", os.path.join(OUT, "modules", name + ".swiftmodule"),
         "-I", os.path.join(OUT, "modules"), *INCLUDES],
        check=True,
    )
    with open(stamp, "w") as handle:
        handle.write(current)
    return obj


def build_harness(path, targets):
    with open(path) as handle:
        first = handle.readline()
    if not first.startswith("// fuzz-targets:"):
        sys.exit(f"{path}: the first line must be '// fuzz-targets: TARGET ...'")
    names = first.split(":", 1)[1].split()
    missing = [name for name in names if name not in targets]
    if missing:
        sys.exit(f"{path}: no such package target: {' '.join(missing)}")
    PRODUCT_OBJECTS.clear()
    built = [build_target(name, targets[name]) for name in closure(names, targets)]
    objects = [obj for obj in built if obj] + PRODUCT_OBJECTS
    binary = os.path.join(OUT, "bin", os.path.splitext(os.path.basename(path))[0])
    os.makedirs(os.path.dirname(binary), exist_ok=True)
    if newer(binary, [path, *objects]):
        return binary
    print(f"fuzz: linking {os.path.basename(binary)}", flush=True)
    subprocess.run(
        ["swiftc", *FLAGS, "-module-name", "Harness", path, *objects, "-I", os.path.join(OUT, "modules"),
         *INCLUDES, "-use-ld=lld", "-o", binary],
        check=True,
    )
    return binary


def main():
    targets = describe()
    for path in sys.argv[1:]:
        print(build_harness(path, targets))


if __name__ == "__main__":
    main()
