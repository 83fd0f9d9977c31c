import PalisadeCore
import Yams

/// Reads Falco rules files in order, applying each item to the definitions
/// collected so far (later files amend earlier ones), then compiles them.
/// Loading stops at a file's first error, as Falco does.
public struct RulesLoader {
    public var options: RulesLoaderOptions
    public internal(set) var diagnostics: [RulesDiagnostic] = []
    var lists: OrderedDefinitions<ListDefinition> = .init()
    var macros: OrderedDefinitions<MacroDefinition> = .init()
    var rules: OrderedDefinitions<RuleDefinition> = .init()
    var requirements: [(PluginRequirement, SourceLocation)] = []
    /// Counts definitions, appends and overrides (Falco's visibility index).
    var counter = 0

    public init(options: RulesLoaderOptions = RulesLoaderOptions()) {
        self.options = options
    }

    /// Whether any error was reported so far.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Loads one rules file's content; returns false when it had an error.
    @discardableResult
    public mutating func load(_ text: String, file: String) -> Bool {
        let start = diagnostics.count
        do {
            try read(text, file: file)
        } catch let error as RulesLoadError {
            diagnostics.append(error.diagnostic)
        } catch {
            diagnostics.append(RulesDiagnostic(.error, "LOAD_ERR_YAML_PARSE", "\(error)",
                                               at: SourceLocation(file: file, line: 0, column: 0)))
        }
        return !diagnostics[start...].contains { $0.severity == .error }
    }

    mutating func read(_ text: String, file: String) throws {
        guard text.utf8.count <= options.maxFileSize else {
            throw RulesLoadError("LOAD_ERR_FILE_READ", "rules file is larger than \(options.maxFileSize) bytes",
                                 at: SourceLocation(file: file, line: 1, column: 1))
        }
        let parser: Parser
        do { parser = try Parser(yaml: text) } catch {
            throw RulesLoadError("LOAD_ERR_YAML_PARSE", "\(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
        while true {
            let root: Node?
            do { root = try parser.nextRoot() } catch {
                throw RulesLoadError("LOAD_ERR_YAML_PARSE", Self.yamlMessage(error), at: Self.yamlLocation(error, file: file),
                                     item: RulesItemRef("rules content", ""))
            }
            guard let root else { return }
            try readDocument(root, file: file)
        }
    }

    mutating func readDocument(_ root: Node, file: String) throws {
        if RulesNode.isNull(root) { return }
        guard let items = RulesNode.sequence(root) else {
            let message = RulesNode.mapping(root) == nil ? "Rules content is not yaml" : "Rules content is not yaml array of objects"
            throw RulesLoadError("LOAD_ERR_YAML_VALIDATE", message, at: RulesNode.location(root, file: file),
                                 item: RulesItemRef("rules content", ""))
        }
        for node in items {
            let location = RulesNode.location(node, file: file)
            guard let keys = RulesNode.mapping(node) else {
                throw RulesLoadError("LOAD_ERR_YAML_VALIDATE",
                                     "Unexpected element type. Each element should be a yaml associative array.", at: location,
                                     item: RulesItemRef("rules content item", ""))
            }
            try readItem(RulesItem(node: node, keys: keys, location: location, file: file))
        }
    }

    mutating func readItem(_ item: RulesItem) throws {
        if item.has("required_engine_version") {
            try readEngineVersion(item)
        } else if item.has("required_plugin_versions") {
            try readPluginVersions(item)
        } else if item.has("list") {
            try readList(item)
        } else if item.has("macro") {
            try readMacro(item)
        } else if item.has("rule") {
            try readRule(item)
        } else {
            warn("LOAD_UNKNOWN_ITEM", "Unknown top level item", at: item.location)
        }
    }

    mutating func warn(_ code: String, _ message: String, at location: SourceLocation, item: RulesItemRef? = nil) {
        diagnostics.append(RulesDiagnostic(.warning, code, message, at: location, item: item))
    }

    static func yamlMessage(_ error: Error) -> String {
        guard let yaml = error as? YamlError else { return "\(error)" }
        switch yaml {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        case .duplicatedKeysInMapping(let duplicates, _):
            return "duplicate key(s) in mapping: " + duplicates.map { "'\($0)'" }.joined(separator: ", ")
        case .reader(let problem, _, _, _):
            return problem
        default:
            return "\(yaml)"
        }
    }

    static func yamlLocation(_ error: Error, file: String) -> SourceLocation {
        if let yaml = error as? YamlError {
            switch yaml {
            case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
                return SourceLocation(file: file, line: mark.line, column: mark.column)
            case .duplicatedKeysInMapping(_, let context):
                return SourceLocation(file: file, line: context.mark.line, column: context.mark.column)
            default: break
            }
        }
        return SourceLocation(file: file, line: 1, column: 1)
    }
}

/// The error that stops reading a file.
struct RulesLoadError: Error {
    var diagnostic: RulesDiagnostic

    init(_ code: String, _ message: String, at location: SourceLocation, item: RulesItemRef? = nil) {
        diagnostic = RulesDiagnostic(.error, code, message, at: location, item: item)
    }
}

/// Definitions by name that keep the position of the first definition.
struct OrderedDefinitions<Element> {
    private(set) var order: [String] = []
    private var byName: [String: Element] = [:]

    subscript(name: String) -> Element? {
        get { byName[name] }
        set {
            if byName[name] == nil, newValue != nil { order.append(name) }
            if newValue == nil { order.removeAll { $0 == name } }
            byName[name] = newValue
        }
    }

    var values: [Element] { order.compactMap { byName[$0] } }
}

extension RulesLoader {
    /// The rule definitions collected so far, in definition order.
    public var ruleDefinitions: [RuleDefinition] { rules.values }
    /// The macro definitions collected so far, in definition order.
    public var macroDefinitions: [MacroDefinition] { macros.values }
    /// The list definitions collected so far, in definition order.
    public var listDefinitions: [ListDefinition] { lists.values }

    /// Loads several files in order and compiles them.
    public static func load(files: [(text: String, file: String)], options: RulesLoaderOptions = RulesLoaderOptions())
        -> (RuleSet, [RulesDiagnostic]) {
        var loader = RulesLoader(options: options)
        for entry in files {
            guard loader.load(entry.text, file: entry.file) else { break }
        }
        let ruleSet = loader.compile()
        return (ruleSet, loader.diagnostics)
    }
}
