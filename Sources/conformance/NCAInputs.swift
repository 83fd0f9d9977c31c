import Foundation
import Kube
import NetPolicy
import PalisadeCore

/// Reads NCA input references (files, directories, `dir/**`) into objects.
/// NCA lists may be plain JSON/YAML arrays of objects or of `...List`s, which
/// Kube's loader leaves aside; they are expanded here.
struct NCAInputs {
    struct Loaded {
        var objects: [KubeObject] = []
        var errors: [String] = []
        var warnings: [String] = []
    }

    /// `reference` is relative to `base` (a directory).
    static func load(_ reference: String, base: String) -> Loaded {
        if reference.hasPrefix("http://") || reference.hasPrefix("https://") {
            return Loaded(errors: ["\(reference): needs the network (GitHub reference), not available offline"])
        }
        var path = reference.hasPrefix("/") ? reference : "\(base)/\(reference)"
        var recursive = false
        if path.hasSuffix("/**") { path = String(path.dropLast(3)); recursive = true }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return Loaded(errors: ["\(path): no such file or directory"])
        }
        guard isDirectory.boolValue else { return loadFile(path) }
        var loaded = Loaded()
        for file in files(in: path, recursive: recursive) {
            let one = loadFile(file)
            loaded.objects += one.objects
            loaded.errors += one.errors
            loaded.warnings += one.warnings
        }
        return loaded
    }

    static func files(in directory: String, recursive: Bool) -> [String] {
        let manager = FileManager.default
        let names = ((recursive ? manager.subpaths(atPath: directory) : try? manager.contentsOfDirectory(atPath: directory)) ?? []).sorted()
        return names.filter { name in
            let lower = name.lowercased()
            return !name.split(separator: "/").contains { $0.hasPrefix(".") }
                && (lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") || lower.hasSuffix(".json"))
        }.map { "\(directory)/\($0)" }
    }

    static func loadFile(_ path: String) -> Loaded {
        let set = ManifestLoader().load(file: path)
        var loaded = Loaded(objects: set.objects, errors: set.errors.map(\.description), warnings: [])
        if set.objects.isEmpty, !set.errors.isEmpty, path.lowercased().hasSuffix(".json") {
            // NCA reads JSON with a YAML parser, which forgives some JSON errors.
            let relaxed = loadArrays(path)
            if !relaxed.objects.isEmpty && relaxed.errors.isEmpty { return relaxed }
        }
        if set.objects.isEmpty, set.errors.isEmpty, !set.notices.isEmpty {
            loaded = loadArrays(path)
        }
        return loaded
    }

    /// Top-level arrays of objects or lists.
    static func loadArrays(_ path: String) -> Loaded {
        var loaded = Loaded()
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            return Loaded(errors: ["\(path): cannot read"])
        }
        do {
            for document in try YAMLReader.documents(text, file: path) {
                collect(document.value, at: document.location, into: &loaded, depth: 0)
            }
        } catch {
            loaded.errors.append("\(error)")
        }
        return loaded
    }

    static func collect(_ value: Value, at location: SourceLocation, into loaded: inout Loaded, depth: Int) {
        guard depth < 8 else { return }
        if let items = value.arrayValue {
            for item in items { collect(item, at: location, into: &loaded, depth: depth + 1) }
            return
        }
        if let kind = value["kind"]?.stringValue, kind.hasSuffix("List"), let items = value["items"]?.arrayValue {
            let itemKind = String(kind.dropLast(4))
            let apiVersion = value["apiVersion"] ?? .string("v1")
            for item in items {
                var item = item
                if case .object(var fields) = item {
                    if fields[.string("kind")] == nil, !itemKind.isEmpty { fields[.string("kind")] = .string(itemKind) }
                    if fields[.string("apiVersion")] == nil { fields[.string("apiVersion")] = apiVersion }
                    item = .object(fields)
                }
                collect(item, at: location, into: &loaded, depth: depth + 1)
            }
            return
        }
        if let object = KubeObject(value, location: location) { loaded.objects.append(object) }
    }
}
