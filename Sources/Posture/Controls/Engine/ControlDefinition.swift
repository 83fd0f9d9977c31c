import PalisadeCore
import Rego

/// A loaded control: its metadata and the parsed Rego module that implements it.
public struct ControlDefinition: Sendable {
    public var info: ControlInfo
    /// The module's package below `data` (`["palisade", "controls", "privileged_container"]`).
    public var package: [String]
    /// Where the module was read from, and the line of its METADATA block.
    public var location: SourceLocation
    /// True for controls shipped with Palisade.
    public var isBuiltIn: Bool
    let module: Module

    init(info: ControlInfo, module: Module, location: SourceLocation, isBuiltIn: Bool) {
        self.info = info
        self.package = module.package
        self.location = location
        self.isBuiltIn = isBuiltIn
        self.module = module
    }

    /// True when the control applies to objects of `kind` (`*` matches every kind).
    public func applies(toKind kind: String) -> Bool {
        info.kinds.contains("*") || info.kinds.contains(kind)
    }
}
