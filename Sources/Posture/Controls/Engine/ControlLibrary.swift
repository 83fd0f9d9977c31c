import Foundation
import PalisadeCore
import Rego

/// The controls a scan runs: the built-in library (shipped as a resource) plus
/// user directories, parsed and validated once. Modules under a `lib/` folder
/// (or in a `palisade.lib.*` package) are helpers, not controls.
public struct ControlLibrary: Sendable {
    /// Controls sorted by id.
    public private(set) var controls: [ControlDefinition]
    /// Helper modules every control may import.
    let helpers: [Module]

    init(controls: [ControlDefinition], helpers: [Module]) {
        self.controls = controls.sorted { $0.info.id < $1.info.id }
        self.helpers = helpers
    }

    /// The directory of the built-in library inside the Posture resource bundle.
    public static var builtInDirectory: String? {
        Bundle.module.url(forResource: "Library", withExtension: nil)?.path
    }

    /// The built-in library plus `directories` of user controls; throws every
    /// invalid module at once (file:line).
    public static func load(userDirectories directories: [String] = [], includeBuiltIn: Bool = true) throws -> ControlLibrary {
        var loader = ControlLibraryLoader()
        if includeBuiltIn {
            guard let builtIn = builtInDirectory else {
                throw ControlLibraryError([InputError("the built-in control library is missing from this build")])
            }
            loader.addDirectory(builtIn, isBuiltIn: true)
        }
        for directory in directories { loader.addDirectory(directory, isBuiltIn: false) }
        return try loader.finish()
    }

    /// Controls from Rego source texts (tests, embedding); `lib/` in the file name marks a helper.
    public static func load(sources: [RegoSource], isBuiltIn: Bool = false) throws -> ControlLibrary {
        var loader = ControlLibraryLoader()
        for source in sources { loader.add(source, isHelper: source.file.hasPrefix("lib/") || source.file.contains("/lib/"), isBuiltIn: isBuiltIn) }
        return try loader.finish()
    }

    /// Only the controls `keep` accepts; helpers stay.
    public func filter(_ keep: (ControlDefinition) -> Bool) -> ControlLibrary {
        ControlLibrary(controls: controls.filter(keep), helpers: helpers)
    }

    public func control(id: String) -> ControlDefinition? { controls.first { $0.info.id == id } }
}

/// Every invalid control or unreadable file found while loading, each with file:line.
public struct ControlLibraryError: Error, Sendable, CustomStringConvertible {
    public var problems: [InputError]
    public init(_ problems: [InputError]) { self.problems = problems }
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
