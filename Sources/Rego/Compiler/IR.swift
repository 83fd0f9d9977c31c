import PalisadeCore

// The compiled form the evaluator runs: names resolved, local variables
// turned into frame slots, expressions reordered for safety.

/// A compiled term.
indirect enum CTerm: Sendable {
    /// A ground value known at compile time.
    case value(Value)
    /// A local variable: an index into the current frame's slots.
    case local(Int)
    /// A reference: a root and the parts after it.
    case ref(RefRoot, [CTerm])
    case array([CTerm])
    case object([(CTerm, CTerm)])
    case set([CTerm])
    case call(Callee, [CTerm], Location)
    /// Comprehensions carry the outer slots they read (their closure).
    case arrayComprehension(CTerm, CBody, closure: [Int])
    case setComprehension(CTerm, CBody, closure: [Int])
    case objectComprehension(CTerm, CTerm, CBody, closure: [Int])
    case templateString([CTemplatePart], Location)
}

enum CTemplatePart: Sendable {
    case text(String)
    case expression(CTerm, CBody?)
}

/// Where a reference starts.
indirect enum RefRoot: Sendable {
    case local(Int)
    case input
    /// `data` followed by the given ground path prefix (already resolved).
    case data
    /// A composite or call term that is evaluated first (`[1,2][i]`, `f(x).y`).
    case term(CTerm)
}

/// What a call invokes.
enum Callee: Sendable {
    /// A builtin (or a name that `with` may replace), by its dotted name.
    case builtin(String)
    /// A registry builtin resolved at compile time (the hot path: no lookup by name).
    case resolved(Builtin)
    /// A user function at a data path.
    case function([String])
    /// A call through a local variable or unknown path (evaluation error).
    case unknown(String)

    var displayName: String {
        switch self {
        case .builtin(let n): return n
        case .resolved(let b): return b.name
        case .function(let p): return "data." + p.joined(separator: ".")
        case .unknown(let n): return n
        }
    }
}

/// A compiled expression.
struct CExpr: Sendable {
    enum Kind: Sendable {
        case term(CTerm)
        case unify(CTerm, CTerm)
        /// A call used as an expression; `output` is the extra result argument
        /// (`count(x, n)`), if written.
        case call(Callee, [CTerm], output: CTerm?)
        case someIn(key: CTerm?, value: CTerm, collection: CTerm)
        case every(key: CTerm?, value: CTerm, domain: CTerm, body: CBody, closure: [Int])
        /// An expression that always succeeds (`some x` declarations).
        case noop
    }

    var kind: Kind
    var negated: Bool
    var with: [CWith]
    var location: Location
    /// Position in the source body (bodies are reordered for safety).
    var sourceIndex: Int = 0
}

struct CWith: Sendable {
    enum Target: Sendable {
        case input([CTerm])
        case data([String])
        case function(String)
    }

    var target: Target
    var value: CTerm
    /// Set when the value is a function reference rather than a value.
    var replacementFunction: Callee?
}

typealias CBody = [CExpr]

/// One rule definition (one head + body + else chain) after compilation.
final class CRule: Sendable {
    enum Kind: Sendable {
        /// `p := v`; value nil means `true`.
        case complete
        /// `p contains x`.
        case multiValue
        /// `p[k] := v` / `a.b[x].c := y`: the ref continues below the node.
        case partialObject
        case function
    }

    let kind: Kind
    let path: [String]
    /// Ref parts below the node path (dynamic keys of ref heads).
    let keyTerms: [CTerm]
    /// The element term of a multi-value rule.
    let elementTerm: CTerm?
    let valueTerm: CTerm?
    let args: [CTerm]
    let body: CBody
    let elseBranches: [(value: CTerm?, body: CBody)]
    let isDefault: Bool
    let slotCount: Int
    let location: Location
    let annotations: [Value]
    let module: Int

    init(kind: Kind, path: [String], keyTerms: [CTerm], elementTerm: CTerm?, valueTerm: CTerm?, args: [CTerm],
         body: CBody, elseBranches: [(value: CTerm?, body: CBody)], isDefault: Bool, slotCount: Int,
         location: Location, annotations: [Value], module: Int) {
        self.kind = kind
        self.path = path
        self.keyTerms = keyTerms
        self.elementTerm = elementTerm
        self.valueTerm = valueTerm
        self.args = args
        self.body = body
        self.elseBranches = elseBranches
        self.isDefault = isDefault
        self.slotCount = slotCount
        self.location = location
        self.annotations = annotations
        self.module = module
    }
}

/// A node of the virtual `data` document: rules defined exactly here and
/// child nodes below.
final class DocumentNode: @unchecked Sendable {
    let path: [String]
    var children: [String: DocumentNode] = [:]
    var rules: [CRule] = []
    var functions: [CRule] = []
    /// Sequential id used as a cache key.
    var id: Int = 0

    init(path: [String]) { self.path = path }

    func child(_ name: String) -> DocumentNode {
        if let c = children[name] { return c }
        let c = DocumentNode(path: path + [name])
        children[name] = c
        return c
    }

    /// True when nothing below this node is defined by rules.
    var isEmpty: Bool { rules.isEmpty && functions.isEmpty && children.isEmpty }
}
