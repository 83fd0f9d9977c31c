import PalisadeCore

/// The Rego language version a module is written in.
public enum RegoVersion: Sendable, Hashable {
    /// Rego v0: `p { ... }` bodies without `if`, `p[x] { }` partial sets,
    /// keywords only through `import future.keywords`.
    case v0
    /// Rego v1 (OPA 1.0 default): `if` and `contains` are required.
    case v1
}

/// A parsed policy file.
public struct Module: Sendable {
    /// The package path below `data`, e.g. `["kubernetes", "admission"]`.
    public var package: [String]
    public var packageLocation: Location
    public var imports: [Import]
    public var rules: [Rule]
    /// `# METADATA` blocks, in file order.
    public var annotations: [Annotation]
    public var version: RegoVersion
    public var file: String

    public init(package: [String], packageLocation: Location, imports: [Import] = [], rules: [Rule] = [],
                annotations: [Annotation] = [], version: RegoVersion, file: String) {
        self.package = package
        self.packageLocation = packageLocation
        self.imports = imports
        self.rules = rules
        self.annotations = annotations
        self.version = version
        self.file = file
    }
}

/// `import data.a.b as c` / `import input.x` / `import future.keywords.in`.
public struct Import: Sendable, Hashable {
    /// The imported ref, e.g. `data.a.b`.
    public var path: Term
    public var alias: String?
    public var location: Location

    public init(path: Term, alias: String?, at location: Location) {
        self.path = path
        self.alias = alias
        self.location = location
    }
}

/// A `# METADATA` comment block: its YAML content and what it annotates.
public struct Annotation: Sendable {
    public enum Scope: String, Sendable {
        case package, rule, document, subpackages
    }

    public var scope: Scope
    /// The YAML block as a value (title, description, custom, ...).
    public var value: Value
    public var location: Location
    /// Index into `Module.rules` of the rule this block precedes (rule and
    /// document scope), or nil for package-level blocks.
    public var ruleIndex: Int?

    public init(scope: Scope, value: Value, at location: Location, ruleIndex: Int?) {
        self.scope = scope
        self.value = value
        self.location = location
        self.ruleIndex = ruleIndex
    }
}
