import Foundation
import PalisadeCore
import Rego

/// Collects modules from directories and sources, keeping every problem so
/// they can be reported together.
struct ControlLibraryLoader {
    static let maxFileBytes = 4 << 20
    static let maxFiles = 10_000
    static let maxDepth = 32

    private var controls: [ControlDefinition] = []
    private var helpers: [Module] = []
    private var problems: [InputError] = []
    private var firstByID: [String: SourceLocation] = [:]
    private var fileCount = 0

    mutating func addDirectory(_ directory: String, isBuiltIn: Bool) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            problems.append(InputError("controls directory does not exist or is not a directory", at: Self.start(directory)))
            return
        }
        for relative in regoFiles(in: directory, prefix: "", depth: 0) {
            let path = (directory as NSString).appendingPathComponent(relative)
            guard let text = read(path) else { continue }
            let isHelper = relative.hasPrefix("lib/") || relative.contains("/lib/")
            add(RegoSource(file: path, text: text), isHelper: isHelper, isBuiltIn: isBuiltIn)
        }
    }

    mutating func add(_ source: RegoSource, isHelper: Bool, isBuiltIn: Bool) {
        let module: Module
        do {
            module = try RegoParser.parseModule(source.text, file: source.file, version: .v1)
        } catch let error as RegoError {
            problems.append(Self.inputError(error))
            return
        } catch let errors as RegoErrors {
            problems += errors.errors.map(Self.inputError)
            return
        } catch {
            problems.append(InputError("\(error)", at: Self.start(source.file)))
            return
        }
        if isHelper || module.package.starts(with: ["palisade", "lib"]) {
            helpers.append(module)
            return
        }
        do {
            let (info, location) = try ControlMetadata.info(of: module)
            if let first = firstByID[info.id] {
                problems.append(InputError("invalid control: id \(info.id) is already used by \(first.file):\(first.line)", at: location))
                return
            }
            firstByID[info.id] = location
            controls.append(ControlDefinition(info: info, module: module, location: location, isBuiltIn: isBuiltIn))
        } catch let error as InputError {
            problems.append(error)
        } catch {
            problems.append(InputError("\(error)", at: Self.start(source.file)))
        }
    }

    func finish() throws -> ControlLibrary {
        guard problems.isEmpty else { throw ControlLibraryError(problems) }
        return ControlLibrary(controls: controls, helpers: helpers)
    }

    /// `.rego` files below `directory` (relative paths, sorted), without tests
    /// (`*_test.rego`) and hidden entries.
    private mutating func regoFiles(in directory: String, prefix: String, depth: Int) -> [String] {
        guard depth <= Self.maxDepth else {
            problems.append(InputError("controls directory nested more than \(Self.maxDepth) levels deep", at: Self.start(directory)))
            return []
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            problems.append(InputError("cannot list directory", at: Self.start(directory)))
            return []
        }
        var files: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = (directory as NSString).appendingPathComponent(name)
            let relative = prefix + name
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                files += regoFiles(in: path, prefix: relative + "/", depth: depth + 1)
            } else if name.hasSuffix(".rego"), !name.hasSuffix("_test.rego") {
                fileCount += 1
                guard fileCount <= Self.maxFiles else {
                    problems.append(InputError("more than \(Self.maxFiles) control files; the rest are skipped", at: Self.start(path)))
                    return files
                }
                files.append(relative)
            }
        }
        return files
    }

    private mutating func read(_ path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            problems.append(InputError("cannot read file", at: Self.start(path)))
            return nil
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: Self.maxFileBytes + 1) ?? Data()
        } catch {
            problems.append(InputError("cannot read file: \(error.localizedDescription)", at: Self.start(path)))
            return nil
        }
        guard data.count <= Self.maxFileBytes else {
            problems.append(InputError("control file is larger than \(Self.maxFileBytes >> 20) MiB", at: Self.start(path)))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            problems.append(InputError("control file is not UTF-8 text", at: Self.start(path)))
            return nil
        }
        return text
    }

    private static func inputError(_ error: RegoError) -> InputError {
        InputError("\(error.code.rawValue): \(error.message)", at: error.location)
    }

    static func start(_ file: String) -> SourceLocation { SourceLocation(file: file, line: 1, column: 1) }
}
