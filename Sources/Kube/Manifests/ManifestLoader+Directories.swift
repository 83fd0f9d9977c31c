import Foundation
import PalisadeCore

extension ManifestLoader {
    func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The manifest files under `directory`, sorted, skipping hidden entries
    /// (`.git`, ...) and directories already visited through a symlink.
    func manifestFiles(in directory: String, depth: Int, visited: inout Set<String>, errors: inout [InputError]) -> [String] {
        let real = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        guard visited.insert(real).inserted else { return [] }
        guard depth <= maxDirectoryDepth else {
            errors.append(InputError("directory nested more than \(maxDirectoryDepth) levels deep, not walked", at: BoundedReader.start(of: directory)))
            return []
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            errors.append(InputError("cannot list directory", at: BoundedReader.start(of: directory)))
            return []
        }
        var files: [String] = []
        for name in names where !name.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            if isDirectory(path) {
                files += manifestFiles(in: path, depth: depth + 1, visited: &visited, errors: &errors)
            } else if let dot = name.lastIndex(of: "."), extensions.contains(name[name.index(after: dot)...].lowercased()) {
                files.append(path)
            }
        }
        return files
    }
}
