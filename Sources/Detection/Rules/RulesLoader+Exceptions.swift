import PalisadeCore
import Yams

extension RulesLoader {
    static let compsMessage = "comps must be one of: " + FilterOperator.allCases.map(\.rawValue).joined(separator: ", ")
        + ", optionally followed by oneof, anyof or allof"
    static let singleCompsMessage = "When fields is a single value, comps must be one of (in, pmatch, intersects)"

    /// Reads `exceptions`; full definitions need `fields`.
    mutating func exceptions(_ item: RulesItem, requireFields: Bool, subject: RulesItemRef) throws -> [RuleException] {
        guard let node = item.value("exceptions"), !RulesNode.isNull(node) else { return [] }
        guard let entries = RulesNode.sequence(node) else {
            throw RulesLoadError("LOAD_ERR_YAML_VALIDATE", "Value of exceptions must be a sequence", at: item.location(of: "exceptions"), item: subject)
        }
        var result: [RuleException] = []
        for entry in entries {
            let exception = try readException(entry, file: item.file, requireFields: requireFields, subject: subject)
            if result.contains(where: { $0.name == exception.name }) {
                warn("LOAD_EXCEPTION_NAME_NOT_UNIQUE", "Multiple definitions of exception '\(exception.name)' in the same rule",
                     at: exception.location, item: RulesItemRef("exception", exception.name))
            }
            result.append(exception)
        }
        return result
    }

    /// Appends values to same-named exceptions, or adds new complete ones.
    mutating func appendExceptions(_ existing: [RuleException], _ item: RulesItem, source: String?,
                                   subject: RulesItemRef) throws -> [RuleException] {
        var result = existing
        for var exception in try exceptions(item, requireFields: false, subject: subject) {
            let ref = RulesItemRef("exception", exception.name)
            if let index = result.firstIndex(where: { $0.name == exception.name }) {
                guard exception.fields == nil, exception.comps == nil else {
                    let what = exception.fields != nil ? "fields" : "comps"
                    throw RulesLoadError("LOAD_ERR_VALIDATE", "Can not append exception \(what) to existing exception, only values",
                                         at: exception.location, item: ref)
                }
                if exception.values.isEmpty {
                    warn("LOAD_APPEND_NO_VALUES", "Overriding/appending exception with no values", at: exception.location, item: ref)
                }
                result[index].values += exception.values
                try checkValues(result[index], subject: ref)
            } else {
                guard exception.fields != nil else {
                    throw RulesLoadError("LOAD_ERR_VALIDATE", "Rule exception must have fields property with a list of fields",
                                         at: exception.location, item: ref)
                }
                guard !exception.values.isEmpty else {
                    throw RulesLoadError("LOAD_ERR_VALIDATE", "Rule exception must have values property with a list of values",
                                         at: exception.location, item: ref)
                }
                try validate(&exception, source: source)
                result.append(exception)
            }
        }
        return result
    }

    /// Reads one exception's keys as written (no defaults yet).
    func readException(_ node: Node, file: String, requireFields: Bool, subject: RulesItemRef) throws -> RuleException {
        let location = RulesNode.location(node, file: file)
        guard let keys = RulesNode.mapping(node) else {
            throw RulesLoadError("LOAD_ERR_YAML_VALIDATE", "Rule exception must be a map", at: location, item: subject)
        }
        let item = RulesItem(node: node, keys: keys, location: location, file: file)
        let name = try requiredString(item, "name", subject: RulesItemRef("exception", ""))
        let ref = RulesItemRef("exception", name)
        let fields = try names(item, "fields")
        if fields == nil, requireFields {
            throw RulesLoadError("LOAD_ERR_YAML_VALIDATE", "Item has no mapping for key 'fields'", at: location, item: ref)
        }
        let comps = try names(item, "comps")
        var values: [ExceptionValue] = []
        if let valuesNode = item.value("values"), !RulesNode.isNull(valuesNode) {
            guard let entries = RulesNode.sequence(valuesNode) else {
                throw RulesLoadError("LOAD_ERR_YAML_VALIDATE", "Value of values must be a sequence", at: item.location(of: "values"), item: ref)
            }
            values = try entries.map { (entry) throws in try exceptionValue(entry, file: file, depth: 0) }
        }
        return RuleException(name: name, fields: fields, comps: comps, values: values, location: location)
    }

    func names(_ item: RulesItem, _ key: String) throws -> ExceptionNames? {
        guard let node = item.value(key), !RulesNode.isNull(node) else { return nil }
        if let list = RulesNode.strings(node) { return .multiple(list) }
        if let text = RulesNode.string(node) { return .single(text) }
        throw RulesLoadError("LOAD_ERR_YAML_VALIDATE", "Value of \(key) must be a string or a sequence of strings", at: item.location(of: key))
    }

    func exceptionValue(_ node: Node, file: String, depth: Int) throws -> ExceptionValue {
        if let text = RulesNode.string(node) { return .item(text) }
        guard depth < 8, let items = RulesNode.sequence(node) else {
            throw RulesLoadError("LOAD_ERR_YAML_VALIDATE", "Exception values must be strings or lists", at: RulesNode.location(node, file: file))
        }
        return .list(try items.map { (item) throws in try exceptionValue(item, file: file, depth: depth + 1) })
    }

    /// Falco's `validate_exception_info`: default comps (`=` per field, or
    /// `in`), equal lengths, known operators and, when the source is known,
    /// known fields.
    func validate(_ exception: inout RuleException, source: String?) throws {
        guard let fields = exception.fields else { return }
        let ref = RulesItemRef("exception", exception.name)
        let location = exception.location
        switch (fields, exception.comps) {
        case (.multiple(let names), let comps):
            let list: [String]
            switch comps {
            case nil: list = Array(repeating: "=", count: names.count)
            case .multiple(let given)?: list = given
            case .single(let given)?: list = [given]
            }
            guard names.count == list.count else {
                throw RulesLoadError("LOAD_ERR_VALIDATE", "Fields and comps lists must have equal length", at: location, item: ref)
            }
            exception.comps = .multiple(try list.map { (comp) throws in try normalizedComp(comp, at: location, subject: ref) })
            for name in names { try checkField(name, source: source, at: location, subject: ref) }
        case (.single(let name), let comps):
            var comp = "in"
            switch comps {
            case nil: break
            case .multiple?:
                throw RulesLoadError("LOAD_ERR_VALIDATE", "Fields and comps must both be strings", at: location, item: ref)
            case .single(let given)?:
                comp = try normalizedComp(given, at: location, subject: ref)
            }
            guard comp == "in" || comp == "pmatch" || comp == "intersects" else {
                throw RulesLoadError("LOAD_ERR_VALIDATE", Self.singleCompsMessage, at: location, item: ref)
            }
            exception.comps = .single(comp)
            try checkField(name, source: source, at: location, subject: ref)
        }
        try checkValues(exception, subject: ref)
    }

    /// A field (or transformer expression) the source provides.
    func checkField(_ field: String, source: String?, at location: SourceLocation, subject: RulesItemRef) throws {
        guard let source else { return }
        var compiler = FilterCompiler(registry: options.registry, source: source)
        guard let expr = try? FilterParser.parse(field + " exists"), (try? compiler.compile(expr)) != nil else {
            throw RulesLoadError("LOAD_ERR_VALIDATE", "'\(field)' is not a supported filter field", at: location, item: subject)
        }
    }

    /// Each value tuple of a multi-field exception has one entry per field.
    func checkValues(_ exception: RuleException, subject: RulesItemRef) throws {
        guard case .multiple(let fields)? = exception.fields else { return }
        for value in exception.values {
            guard case .list(let items) = value, items.count == fields.count else {
                throw RulesLoadError("LOAD_ERR_VALIDATE", "Fields and values lists must have equal length",
                                     at: exception.location, item: subject)
            }
        }
    }

    /// Normalises an operator's spacing; `OP oneof|anyof|allof` is allowed
    /// for the operators that take modifiers.
    func normalizedComp(_ comp: String, at location: SourceLocation, subject: RulesItemRef) throws -> String {
        let words = comp.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let joined = words.joined(separator: " ")
        let unsupported = RulesLoadError("LOAD_ERR_VALIDATE", "'\(joined)' is not a supported comparison operator",
                                         at: location, item: subject)
        if words.count == 2, FilterModifier(rawValue: words[1]) != nil {
            guard let op = FilterOperator(rawValue: words[0]) else {
                throw RulesLoadError("LOAD_ERR_VALIDATE", Self.compsMessage, at: location, item: subject)
            }
            guard op.acceptsModifier else { throw unsupported }
            return joined
        }
        guard words.count == 1, FilterOperator(rawValue: words[0]) != nil else { throw unsupported }
        return joined
    }
}
