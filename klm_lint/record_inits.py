"""The `__init__` of every record class (klm_lint/records.py) by module and name,
written by `python -m klm_lint.record_table` from the classes (do not edit: tests/test_records.py
fails when it is out of date, and a class whose fields changed compiles its own)."""

from __future__ import annotations

from typing import Any


# klm_lint.api.LintOptions
def _0(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        config: Any = d[0],
        select: Any = d[1],
        ignore: Any = d[2],
        fix: Any = d[3],
        unsafe_fixes: Any = d[4],
        diff: Any = d[5],
        suppressions: Any = d[6],
        baseline: Any = d[7],
        force_exclude: Any = d[8],
        changed_since: Any = d[9],
        now: Any = d[10],
        statistics: Any = d[11],
        jobs: Any = d[12],
        cache: Any = d[13],
        debug: Any = d[14],
        extend_select: Any = d[15],
        respect_gitignore: Any = d[16],
        preset: Any = d[17],
    ) -> None:
        self.config = config
        self.select = select
        self.ignore = ignore
        self.fix = fix
        self.unsafe_fixes = unsafe_fixes
        self.diff = diff
        self.suppressions = suppressions
        self.baseline = baseline
        self.force_exclude = force_exclude
        self.changed_since = changed_since
        self.now = now
        self.statistics = statistics
        self.jobs = jobs
        self.cache = cache
        self.debug = debug
        self.extend_select = extend_select
        self.respect_gitignore = respect_gitignore
        self.preset = preset

    return __init__


# klm_lint.api.Setting
def _1(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        key: Any,
        value: Any,
        origin: Any,
    ) -> None:
        self.key = key
        self.value = value
        self.origin = origin

    return __init__


# klm_lint.api.Initialised
def _2(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        path: Any,
        text: Any,
        written: Any,
        preset: Any,
        reason: Any,
        collections: Any,
        inferred: Any,
        declared: Any,
        result: Any,
        shadowed: Any = d[9],
    ) -> None:
        self.path = path
        self.text = text
        self.written = written
        self.preset = preset
        self.reason = reason
        self.collections = collections
        self.inferred = inferred
        self.declared = declared
        self.result = result
        self.shadowed = shadowed

    return __init__


# klm_lint.api.Project
def _3(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        root: Any,
        site: Any,
        engine: Any,
    ) -> None:
        self.root = root
        self.site = site
        self.engine = engine

    return __init__


# klm_lint.checks.author_inconsistent.AvatarUse
def _4(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        avatar: Any,
        count: Any,
        example: Any,
    ) -> None:
        self.avatar = avatar
        self.count = count
        self.example = example

    return __init__


# klm_lint.checks.body.BodyAsset
def _5(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        what: Any,
        value: Any,
        start: Any,
        end: Any,
        resolution: Any,
        shows: Any,
    ) -> None:
        self.what = what
        self.value = value
        self.start = start
        self.end = end
        self.resolution = resolution
        self.shows = shows

    return __init__


# klm_lint.checks.internal_links.Link
def _6(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        start: Any,
        end: Any,
        what: Any,
        value: Any,
    ) -> None:
        self.start = start
        self.end = end
        self.what = what
        self.value = value

    return __init__


# klm_lint.checks.internal_links._Addresses
def _7(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        pages: Any,
        folders: Any,
        content_files: Any,
        taxonomies: Any,
        redirected: Any,
        redirected_folders: Any,
        unmodelled: Any,
        space: Any,
    ) -> None:
        self.pages = pages
        self.folders = folders
        self.content_files = content_files
        self.taxonomies = taxonomies
        self.redirected = redirected
        self.redirected_folders = redirected_folders
        self.unmodelled = unmodelled
        self.space = space

    return __init__


# klm_lint.checks.internal_links.Unchecked
def _8(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        reason: Any,
    ) -> None:
        self.reason = reason

    return __init__


# klm_lint.checks.post_facts.SharedText
def _9(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        fact: Any,
    ) -> None:
        self.fact = fact

    return __init__


# klm_lint.checks.rule.Problem
def _10(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        start: Any,
        end: Any,
        message: Any,
        severity: Any = d[3],
    ) -> None:
        self.start = start
        self.end = end
        self.message = message
        self.severity = severity

    return __init__


# klm_lint.checks.rule.Rule
def _11(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        code: Any,
        name: Any,
        severity: Any,
        summary: Any,
        check: Any = d[4],
        fix: Any = d[5],
        site_check: Any = d[6],
        facts: Any = d[7],
        suspects: Any = d[8],
        keys: Any = d[9],
    ) -> None:
        self.code = code
        self.name = name
        self.severity = severity
        self.summary = summary
        self.check = check
        self.fix = fix
        self.site_check = site_check
        self.facts = facts
        self.suspects = suspects
        self.keys = keys

    return __init__


# klm_lint.config.detect.Detection
def _12(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        name: Any,
        reason: Any,
    ) -> None:
        self.name = name
        self.reason = reason

    return __init__


# klm_lint.config.preset.PresetChoice
def _13(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        name: Any,
        origin: Any,
        detection: Any = d[2],
    ) -> None:
        self.name = name
        self.origin = origin
        self.detection = detection

    return __init__


# klm_lint.engine.index_build.Completed
def _14(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        entries: Any,
        changed: Any,
    ) -> None:
        self.entries = entries
        self.changed = changed

    return __init__


# klm_lint.engine.result.FixMode
def _15(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        unsafe: Any = d[0],
        write: Any = d[1],
    ) -> None:
        self.unsafe = unsafe
        self.write = write

    return __init__


# klm_lint.engine.result.Result
def _16(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        files: Any,
        findings: Any,
        fixed: Any = d[2],
        diffs: Any = d[3],
        notes: Any = d[4],
        baselined: Any = d[5],
        baseline_stale: Any = d[6],
        checked: Any = d[7],
        overview: Any = d[8],
        tracebacks: Any = d[9],
        unmatched: Any = d[10],
        empty_collections: Any = d[11],
        preset: Any = d[12],
        detected: Any = d[13],
    ) -> None:
        self.files = files
        self.findings = findings
        self.fixed = f[2]() if fixed is d[2] else fixed
        self.diffs = f[3]() if diffs is d[3] else diffs
        self.notes = f[4]() if notes is d[4] else notes
        self.baselined = baselined
        self.baseline_stale = baseline_stale
        self.checked = f[7]() if checked is d[7] else checked
        self.overview = overview
        self.tracebacks = f[9]() if tracebacks is d[9] else tracebacks
        self.unmatched = unmatched
        self.empty_collections = empty_collections
        self.preset = preset
        self.detected = detected

    return __init__


# klm_lint.engine.run.FileResult
def _17(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        findings: Any,
        site_path: Any = d[1],
        post: Any = d[2],
        suppressions: Any = d[3],
        hidden: Any = d[4],
        stamp: Any = d[5],
        tracebacks: Any = d[6],
        fixed: Any = d[7],
        diff: Any = d[8],
        note: Any = d[9],
        collection: Any = d[10],
    ) -> None:
        self.findings = findings
        self.site_path = site_path
        self.post = post
        self.suppressions = suppressions
        self.hidden = hidden
        self.stamp = stamp
        self.tracebacks = tracebacks
        self.fixed = fixed
        self.diff = diff
        self.note = note
        self.collection = collection

    return __init__


# klm_lint.engine.run._Lint
def _18(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        document: Any,
        findings: Any,
        suppressions: Any,
        tracebacks: Any,
        hidden: Any = d[4],
    ) -> None:
        self.document = document
        self.findings = findings
        self.suppressions = suppressions
        self.tracebacks = tracebacks
        self.hidden = hidden

    return __init__


# klm_lint.engine.selection.Selection
def _19(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        enabled: Any,
        severities: Any,
        per_file_ignores: Any,
        configured: Any = d[3],
    ) -> None:
        self.enabled = enabled
        self.severities = severities
        self.per_file_ignores = per_file_ignores
        self.configured = configured

    return __init__


# klm_lint.engine.suppressions.Suppression
def _20(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        kind: Any,
        first_line: Any,
        last_line: Any,
        codes: Any,
        unused: Any,
        unused_codes: Any,
        unknown: Any = d[6],
    ) -> None:
        self.kind = kind
        self.first_line = first_line
        self.last_line = last_line
        self.codes = codes
        self.unused = unused
        self.unused_codes = unused_codes
        self.unknown = unknown

    return __init__


# klm_lint.engine.suppressions._Found
def _21(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        kind: Any,
        first_line: Any,
        last_line: Any,
        codes: Any,
        start: Any,
        end: Any,
        removal: Any,
        unknown: Any,
    ) -> None:
        self.kind = kind
        self.first_line = first_line
        self.last_line = last_line
        self.codes = codes
        self.start = start
        self.end = end
        self.removal = removal
        self.unknown = unknown

    return __init__


# klm_lint.engine.suppressions.Silencing
def _22(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        edit: Any,
        whole_file: Any,
    ) -> None:
        self.edit = edit
        self.whole_file = whole_file

    return __init__


# klm_lint.files.ProjectRoot
def _23(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        text: Any,
        real: Any,
    ) -> None:
        self.text = text
        self.real = real

    return __init__


# klm_lint.findings.Span
def _24(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        line: Any,
        column: Any,
        end_line: Any,
        end_column: Any,
    ) -> None:
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column

    return __init__


# klm_lint.findings.Edit
def _25(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        start: Any,
        end: Any,
        replacement: Any,
        span: Any,
    ) -> None:
        self.start = start
        self.end = end
        self.replacement = replacement
        self.span = span

    return __init__


# klm_lint.findings.Fix
def _26(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        applicability: Any,
        description: Any,
        edits: Any,
    ) -> None:
        self.applicability = applicability
        self.description = description
        self.edits = edits

    return __init__


# klm_lint.findings.Finding
def _27(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        path: Any,
        span: Any,
        code: Any,
        rule: Any,
        severity: Any,
        message: Any,
        source_line: Any = d[6],
        fix: Any = d[7],
    ) -> None:
        self.path = path
        self.span = span
        self.code = code
        self.rule = rule
        self.severity = severity
        self.message = message
        self.source_line = source_line
        self.fix = fix

    return __init__


# klm_lint.load.document.FrontMatter
def _28(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        format: Any,
        start: Any,
        end: Any,
        root: Any,
        dialect: Any = d[4],
        notes: Any = d[5],
    ) -> None:
        self.format = format
        self.start = start
        self.end = end
        self.root = root
        self.dialect = dialect
        self.notes = notes

    return __init__


# klm_lint.load.document.Document
def _29(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        path: Any,
        display_path: Any,
        site_path: Any,
        text: Any,
        bom: Any,
        lines: Any,
        front_matter: Any,
        body_start: Any,
        misplaced_delimiter: Any = d[8],
        _derived: Any = d[9],
    ) -> None:
        self.path = path
        self.display_path = display_path
        self.site_path = site_path
        self.text = text
        self.bom = bom
        self.lines = lines
        self.front_matter = front_matter
        self.body_start = body_start
        self.misplaced_delimiter = misplaced_delimiter
        self._derived = f[9]() if _derived is d[9] else _derived

    return __init__


# klm_lint.load.document.LoadProblem
def _30(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        code: Any,
        span: Any,
        message: Any,
        source_line: Any = d[3],
    ) -> None:
        self.code = code
        self.span = span
        self.message = message
        self.source_line = source_line

    return __init__


# klm_lint.load.mdx.Attribute
def _31(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        name: Any,
        start: Any,
        end: Any,
        value: Any,
        value_start: Any,
        value_end: Any,
        expression: Any,
    ) -> None:
        self.name = name
        self.start = start
        self.end = end
        self.value = value
        self.value_start = value_start
        self.value_end = value_end
        self.expression = expression

    return __init__


# klm_lint.load.mdx.Tag
def _32(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        name: Any,
        kind: Any,
        start: Any,
        end: Any,
        name_start: Any,
        name_end: Any,
        attributes: Any,
        complete: Any,
    ) -> None:
        self.name = name
        self.kind = kind
        self.start = start
        self.end = end
        self.name_start = name_start
        self.name_end = name_end
        self.attributes = attributes
        self.complete = complete

    return __init__


# klm_lint.load.mdx.Comment
def _33(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        start: Any,
        end: Any,
        text: Any,
        kind: Any,
    ) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.kind = kind

    return __init__


# klm_lint.load.mdx.Image
def _34(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        alt: Any,
        src: Any,
        start: Any,
        end: Any,
        src_start: Any,
        src_end: Any,
        alt_start: Any,
        alt_end: Any,
    ) -> None:
        self.alt = alt
        self.src = src
        self.start = start
        self.end = end
        self.src_start = src_start
        self.src_end = src_end
        self.alt_start = alt_start
        self.alt_end = alt_end

    return __init__


# klm_lint.load.mdx.Link
def _35(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        src: Any,
        start: Any,
        end: Any,
        kind: Any,
    ) -> None:
        self.src = src
        self.start = start
        self.end = end
        self.kind = kind

    return __init__


# klm_lint.load.mdx.BodyScan
def _36(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        tags: Any,
        comments: Any,
        code: Any,
        images: Any,
        links: Any = d[4],
    ) -> None:
        self.tags = tags
        self.comments = comments
        self.code = code
        self.images = images
        self.links = links

    return __init__


# klm_lint.load.nodes.Scalar
def _37(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        start: Any,
        end: Any,
        value: Any,
        text: Any,
        quoted: Any,
    ) -> None:
        self.start = start
        self.end = end
        self.value = value
        self.text = text
        self.quoted = quoted

    return __init__


# klm_lint.load.nodes.Sequence
def _38(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        start: Any,
        end: Any,
        items: Any,
    ) -> None:
        self.start = start
        self.end = end
        self.items = items

    return __init__


# klm_lint.load.nodes.Entry
def _39(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        key: Any,
        value: Any,
    ) -> None:
        self.key = key
        self.value = value

    return __init__


# klm_lint.load.nodes.Mapping
def _40(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        start: Any,
        end: Any,
        entries: Any,
        _index: Any = d[3],
    ) -> None:
        self.start = start
        self.end = end
        self.entries = entries
        self._index = f[3]() if _index is d[3] else _index

    return __init__


# klm_lint.load.split.Block
def _41(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        handler: Any,
        content_start: Any,
        content_end: Any,
        end: Any,
        closed: Any,
    ) -> None:
        self.handler = handler
        self.content_start = content_start
        self.content_end = content_end
        self.end = end
        self.closed = closed

    return __init__


# klm_lint.load.split.UnknownLanguage
def _42(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        language: Any,
        end: Any,
    ) -> None:
        self.language = language
        self.end = end

    return __init__


# klm_lint.load.split.CodeBlock
def _43(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        language: Any,
        end: Any,
        closed: Any,
    ) -> None:
        self.language = language
        self.end = end
        self.closed = closed

    return __init__


# klm_lint.load.split.Misplaced
def _44(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        line: Any,
    ) -> None:
        self.line = line

    return __init__


# klm_lint.load.text.Decoded
def _45(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        text: Any,
        bom: Any,
    ) -> None:
        self.text = text
        self.bom = bom

    return __init__


# klm_lint.load.text.EncodingProblem
def _46(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        line: Any,
        column: Any,
        message: Any,
    ) -> None:
        self.line = line
        self.column = column
        self.message = message

    return __init__


# klm_lint.load.yaml_build.Note
def _47(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        start: Any,
        end: Any,
        message: Any,
    ) -> None:
        self.start = start
        self.end = end
        self.message = message

    return __init__


# klm_lint.load.yaml_readers.Reader
def _48(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        name: Any,
        fails: Any,
        duplicates: Any,
    ) -> None:
        self.name = name
        self.fails = fails
        self.duplicates = duplicates

    return __init__


# klm_lint.load.yaml_tree.Reading
def _49(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        root: Any,
        notes: Any = d[1],
    ) -> None:
        self.root = root
        self.notes = notes

    return __init__


# klm_lint.report.__init__.ReportOptions
def _50(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        statistics: Any = d[0],
        summary: Any = d[1],
        hidden_warnings: Any = d[2],
        safe_fix_command: Any = d[3],
        unsafe_fix_command: Any = d[4],
        color: Any = d[5],
        width: Any = d[6],
        fixing: Any = d[7],
        show_fixes: Any = d[8],
        unsafe_fixes: Any = d[9],
    ) -> None:
        self.statistics = statistics
        self.summary = summary
        self.hidden_warnings = hidden_warnings
        self.safe_fix_command = safe_fix_command
        self.unsafe_fix_command = unsafe_fix_command
        self.color = color
        self.width = width
        self.fixing = fixing
        self.show_fixes = show_fixes
        self.unsafe_fixes = unsafe_fixes

    return __init__


# klm_lint.site.authors.Author
def _51(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        name: Any,
        avatar: Any,
    ) -> None:
        self.name = name
        self.avatar = avatar

    return __init__


# klm_lint.site.date_forms.DateVerdict
def _52(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        reason: Any,
        level: Any = d[1],
        effect: Any = d[2],
        fix: Any = d[3],
    ) -> None:
        self.reason = reason
        self.level = level
        self.effect = effect
        self.fix = fix

    return __init__


# klm_lint.site.dates.Suggestion
def _53(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        text: Any,
        certain: Any,
    ) -> None:
        self.text = text
        self.certain = certain

    return __init__


# klm_lint.site.declared.__init__.Declared
def _54(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        reference: Any,
        raw: Any,
        file: Any,
        what: Any,
        include: Any = d[4],
        ignored: Any = d[5],
    ) -> None:
        self.reference = reference
        self.raw = raw
        self.file = file
        self.what = what
        self.include = include
        self.ignored = ignored

    return __init__


# klm_lint.site.discover.Unreadable
def _55(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        path: Any,
        reason: Any,
    ) -> None:
        self.path = path
        self.reason = reason

    return __init__


# klm_lint.site.discover.Discovered
def _56(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        files: Any,
        unreadable: Any,
    ) -> None:
        self.files = files
        self.unreadable = unreadable

    return __init__


# klm_lint.site.discover.Watch
def _57(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        paths: Any = d[0],
        tops: Any = d[1],
        reliable: Any = d[2],
    ) -> None:
        self.paths = f[0]() if paths is d[0] else paths
        self.tops = f[1]() if tops is d[1] else tops
        self.reliable = reliable

    return __init__


# klm_lint.site.facts.Value
def _58(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        text: Any,
        line: Any,
        start: Any,
        end: Any,
    ) -> None:
        self.text = text
        self.line = line
        self.start = start
        self.end = end

    return __init__


# klm_lint.site.facts.Fact
def _59(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        name: Any,
        kind: Any,
        extract: Any,
    ) -> None:
        self.name = name
        self.kind = kind
        self.extract = extract

    return __init__


# klm_lint.site.index.Post
def _60(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        key: Any,
        site_path: Any,
        collection: Any,
        first_line_end: Any,
        layout: Any,
        facts: Any,
    ) -> None:
        self.key = key
        self.site_path = site_path
        self.collection = collection
        self.first_line_end = first_line_end
        self.layout = layout
        self.facts = facts

    return __init__


# klm_lint.site.links.Target
def _61(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        kind: Any,
        path: Any,
        relative: Any = d[2],
    ) -> None:
        self.kind = kind
        self.path = path
        self.relative = relative

    return __init__


# klm_lint.site.publication.DraftReading
def _62(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        hidden: Any,
        accepted: Any,
        exact: Any,
    ) -> None:
        self.hidden = hidden
        self.accepted = accepted
        self.exact = exact

    return __init__


# klm_lint.site.routes.Route
def _63(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        segments: Any,
        source: Any,
        fed: Any = d[2],
    ) -> None:
        self.segments = segments
        self.source = source
        self.fed = fed

    return __init__


# klm_lint.site.routes.RouteSpace
def _64(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        active: Any = d[0],
        routes: Any = d[1],
        open: Any = d[2],
        redirects: Any = d[3],
        fallbacks: Any = d[4],
        fed_folders: Any = d[5],
        read: Any = d[6],
    ) -> None:
        self.active = active
        self.routes = routes
        self.open = open
        self.redirects = redirects
        self.fallbacks = fallbacks
        self.fed_folders = fed_folders
        self.read = read

    return __init__


# klm_lint.site.schema.Bound
def _65(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        value: Any,
        severity: Any = d[1],
    ) -> None:
        self.value = value
        self.severity = severity

    return __init__


# klm_lint.site.schema.Pattern
def _66(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        text: Any,
        matches: Any,
    ) -> None:
        self.text = text
        self.matches = matches

    return __init__


# klm_lint.site.schema.FieldSpec
def _67(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        path: Any,
        type: Any,
        required: Any = d[2],
        nullable: Any = d[3],
        empty: Any = d[4],
        impact: Any = d[5],
        description: Any = d[6],
        role: Any = d[7],
        values: Any = d[8],
        pattern: Any = d[9],
        min_length: Any = d[10],
        max_length: Any = d[11],
        min_items: Any = d[12],
        max_items: Any = d[13],
        unique: Any = d[14],
        items: Any = d[15],
        object: Any = d[16],
        severity: Any = d[17],
        deprecated: Any = d[18],
        reference: Any = d[19],
    ) -> None:
        self.path = path
        self.type = type
        self.required = required
        self.nullable = nullable
        self.empty = empty
        self.impact = impact
        self.description = description
        self.role = role
        self.values = values
        self.pattern = pattern
        self.min_length = min_length
        self.max_length = max_length
        self.min_items = min_items
        self.max_items = max_items
        self.unique = unique
        self.items = items
        self.object = object
        self.severity = severity
        self.deprecated = deprecated
        self.reference = reference

    return __init__


# klm_lint.site.schema.ObjectSpec
def _68(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        fields: Any,
        unknown: Any = d[1],
    ) -> None:
        self.fields = fields
        self.unknown = unknown

    return __init__


# klm_lint.site.schema.Schema
def _69(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        name: Any,
        root: Any,
        description: Any = d[2],
        source: Any = d[3],
        extends: Any = d[4],
        _flat: Any = d[5],
    ) -> None:
        self.name = name
        self.root = root
        self.description = description
        self.source = source
        self.extends = extends
        self._flat = f[5]() if _flat is d[5] else _flat

    return __init__


# klm_lint.site.site.Component
def _70(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        required: Any = d[0],
        values: Any = d[1],
        assets: Any = d[2],
    ) -> None:
        self.required = required
        self.values = f[1]() if values is d[1] else values
        self.assets = assets

    return __init__


# klm_lint.site.site.Collection
def _71(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        name: Any,
        include: Any,
        exclude: Any,
        schema: Any,
        compare: Any,
        patterns: Any = d[5],
        source: Any = d[6],
        addressed: Any = d[7],
    ) -> None:
        self.name = name
        self.include = include
        self.exclude = exclude
        self.schema = schema
        self.compare = compare
        self.patterns = patterns
        self.source = source
        self.addressed = addressed

    return __init__


# klm_lint.site.static.Resolution
def _72(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        status: Any,
        real: Any = d[1],
        reason: Any = d[2],
        where: Any = d[3],
        advice: Any = d[4],
    ) -> None:
        self.status = status
        self.real = real
        self.reason = reason
        self.where = where
        self.advice = advice

    return __init__


# klm_lint.site.urls.Address
def _73(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        url: Any,
        scope: Any = d[1],
        key: Any = d[2],
        node: Any = d[3],
    ) -> None:
        self.url = url
        self.scope = scope
        self.key = key
        self.node = node

    return __init__


# klm_lint.site.urls._File
def _74(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        folder: Any,
        relative: Any,
        prefix: Any,
        root: Any,
        collection: Any,
        generator: Any,
        site_path: Any,
        path: Any = d[7],
    ) -> None:
        self.folder = folder
        self.relative = relative
        self.prefix = prefix
        self.root = root
        self.collection = collection
        self.generator = generator
        self.site_path = site_path
        self.path = path

    return __init__


# klm_lint.site.urls.AddressRule
def _75(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        generator: Any,
        keys: Any,
        collision: Any,
    ) -> None:
        self.generator = generator
        self.keys = keys
        self.collision = collision

    return __init__


# klm_lint.site.validate.Issue
def _76(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        kind: Any,
        path: Any,
        spec: Any,
        node: Any,
        entry: Any,
        parent: Any = d[5],
        within: Any = d[6],
        expected: Any = d[7],
        bound: Any = d[8],
        objects: Any = d[9],
        severity: Any = d[10],
    ) -> None:
        self.kind = kind
        self.path = path
        self.spec = spec
        self.node = node
        self.entry = entry
        self.parent = parent
        self.within = within
        self.expected = expected
        self.bound = bound
        self.objects = objects
        self.severity = severity

    return __init__


# klm_lint.site.validate.Valued
def _77(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        spec: Any,
        node: Any,
        path: Any,
    ) -> None:
        self.spec = spec
        self.node = node
        self.path = path

    return __init__


# klm_lint.site.validate.Checked
def _78(d: Any, f: Any) -> Any:
    def __init__(
        self: Any,
        issues: Any = d[0],
        dates: Any = d[1],
        assets: Any = d[2],
        drafts: Any = d[3],
        urls: Any = d[4],
    ) -> None:
        self.issues = f[0]() if issues is d[0] else issues
        self.dates = f[1]() if dates is d[1] else dates
        self.assets = f[2]() if assets is d[2] else assets
        self.drafts = f[3]() if drafts is d[3] else drafts
        self.urls = f[4]() if urls is d[4] else urls

    return __init__


INITS: dict[str, tuple[str, Any]] = {
    "klm_lint.api.LintOptions": (
        "config=,select=,ignore=,fix=,unsafe_fixes=,diff=,suppressions=,baseline=,force_exclude=,changed_since=,now=,statistics=,jobs=,cache=,debug=,extend_select=,respect_gitignore=,preset=",
        _0,
    ),
    "klm_lint.api.Setting": ("key,value,origin", _1),
    "klm_lint.api.Initialised": (
        "path,text,written,preset,reason,collections,inferred,declared,result,shadowed=",
        _2,
    ),
    "klm_lint.api.Project": ("root,site,engine", _3),
    "klm_lint.checks.author_inconsistent.AvatarUse": ("avatar,count,example", _4),
    "klm_lint.checks.body.BodyAsset": ("what,value,start,end,resolution,shows", _5),
    "klm_lint.checks.internal_links.Link": ("start,end,what,value", _6),
    "klm_lint.checks.internal_links._Addresses": (
        "pages,folders,content_files,taxonomies,redirected,redirected_folders,unmodelled,space",
        _7,
    ),
    "klm_lint.checks.internal_links.Unchecked": ("reason", _8),
    "klm_lint.checks.post_facts.SharedText": ("fact", _9),
    "klm_lint.checks.rule.Problem": ("start,end,message,severity=", _10),
    "klm_lint.checks.rule.Rule": (
        "code,name,severity,summary,check=,fix=,site_check=,facts=,suspects=,keys=",
        _11,
    ),
    "klm_lint.config.detect.Detection": ("name,reason", _12),
    "klm_lint.config.preset.PresetChoice": ("name,origin,detection=", _13),
    "klm_lint.engine.index_build.Completed": ("entries,changed", _14),
    "klm_lint.engine.result.FixMode": ("unsafe=,write=", _15),
    "klm_lint.engine.result.Result": (
        "files,findings,fixed(),diffs(),notes(),baselined=,baseline_stale=,checked(),overview=,tracebacks(),unmatched=,empty_collections=,preset=,detected=",
        _16,
    ),
    "klm_lint.engine.run.FileResult": (
        "findings,site_path=,post=,suppressions=,hidden=,stamp=,tracebacks=,fixed=,diff=,note=,collection=",
        _17,
    ),
    "klm_lint.engine.run._Lint": ("document,findings,suppressions,tracebacks,hidden=", _18),
    "klm_lint.engine.selection.Selection": ("enabled,severities,per_file_ignores,configured=", _19),
    "klm_lint.engine.suppressions.Suppression": (
        "kind,first_line,last_line,codes,unused,unused_codes,unknown=",
        _20,
    ),
    "klm_lint.engine.suppressions._Found": (
        "kind,first_line,last_line,codes,start,end,removal,unknown",
        _21,
    ),
    "klm_lint.engine.suppressions.Silencing": ("edit,whole_file", _22),
    "klm_lint.files.ProjectRoot": ("text,real", _23),
    "klm_lint.findings.Span": ("line,column,end_line,end_column", _24),
    "klm_lint.findings.Edit": ("start,end,replacement,span", _25),
    "klm_lint.findings.Fix": ("applicability,description,edits", _26),
    "klm_lint.findings.Finding": ("path,span,code,rule,severity,message,source_line=,fix=", _27),
    "klm_lint.load.document.FrontMatter": ("format,start,end,root,dialect=,notes=", _28),
    "klm_lint.load.document.Document": (
        "path,display_path,site_path,text,bom,lines,front_matter,body_start,misplaced_delimiter=,_derived()",
        _29,
    ),
    "klm_lint.load.document.LoadProblem": ("code,span,message,source_line=", _30),
    "klm_lint.load.mdx.Attribute": ("name,start,end,value,value_start,value_end,expression", _31),
    "klm_lint.load.mdx.Tag": ("name,kind,start,end,name_start,name_end,attributes,complete", _32),
    "klm_lint.load.mdx.Comment": ("start,end,text,kind", _33),
    "klm_lint.load.mdx.Image": ("alt,src,start,end,src_start,src_end,alt_start,alt_end", _34),
    "klm_lint.load.mdx.Link": ("src,start,end,kind", _35),
    "klm_lint.load.mdx.BodyScan": ("tags,comments,code,images,links=", _36),
    "klm_lint.load.nodes.Scalar": ("start,end,value,text,quoted", _37),
    "klm_lint.load.nodes.Sequence": ("start,end,items", _38),
    "klm_lint.load.nodes.Entry": ("key,value", _39),
    "klm_lint.load.nodes.Mapping": ("start,end,entries,_index()", _40),
    "klm_lint.load.split.Block": ("handler,content_start,content_end,end,closed", _41),
    "klm_lint.load.split.UnknownLanguage": ("language,end", _42),
    "klm_lint.load.split.CodeBlock": ("language,end,closed", _43),
    "klm_lint.load.split.Misplaced": ("line", _44),
    "klm_lint.load.text.Decoded": ("text,bom", _45),
    "klm_lint.load.text.EncodingProblem": ("line,column,message", _46),
    "klm_lint.load.yaml_build.Note": ("start,end,message", _47),
    "klm_lint.load.yaml_readers.Reader": ("name,fails,duplicates", _48),
    "klm_lint.load.yaml_tree.Reading": ("root,notes=", _49),
    "klm_lint.report.__init__.ReportOptions": (
        "statistics=,summary=,hidden_warnings=,safe_fix_command=,unsafe_fix_command=,color=,width=,fixing=,show_fixes=,unsafe_fixes=",
        _50,
    ),
    "klm_lint.site.authors.Author": ("name,avatar", _51),
    "klm_lint.site.date_forms.DateVerdict": ("reason,level=,effect=,fix=", _52),
    "klm_lint.site.dates.Suggestion": ("text,certain", _53),
    "klm_lint.site.declared.__init__.Declared": ("reference,raw,file,what,include=,ignored=", _54),
    "klm_lint.site.discover.Unreadable": ("path,reason", _55),
    "klm_lint.site.discover.Discovered": ("files,unreadable", _56),
    "klm_lint.site.discover.Watch": ("paths(),tops(),reliable=", _57),
    "klm_lint.site.facts.Value": ("text,line,start,end", _58),
    "klm_lint.site.facts.Fact": ("name,kind,extract", _59),
    "klm_lint.site.index.Post": ("key,site_path,collection,first_line_end,layout,facts", _60),
    "klm_lint.site.links.Target": ("kind,path,relative=", _61),
    "klm_lint.site.publication.DraftReading": ("hidden,accepted,exact", _62),
    "klm_lint.site.routes.Route": ("segments,source,fed=", _63),
    "klm_lint.site.routes.RouteSpace": (
        "active=,routes=,open=,redirects=,fallbacks=,fed_folders=,read=",
        _64,
    ),
    "klm_lint.site.schema.Bound": ("value,severity=", _65),
    "klm_lint.site.schema.Pattern": ("text,matches", _66),
    "klm_lint.site.schema.FieldSpec": (
        "path,type,required=,nullable=,empty=,impact=,description=,role=,values=,pattern=,min_length=,max_length=,min_items=,max_items=,unique=,items=,object=,severity=,deprecated=,reference=",
        _67,
    ),
    "klm_lint.site.schema.ObjectSpec": ("fields,unknown=", _68),
    "klm_lint.site.schema.Schema": ("name,root,description=,source=,extends=,_flat()", _69),
    "klm_lint.site.site.Component": ("required=,values(),assets=", _70),
    "klm_lint.site.site.Collection": (
        "name,include,exclude,schema,compare,patterns=,source=,addressed=",
        _71,
    ),
    "klm_lint.site.static.Resolution": ("status,real=,reason=,where=,advice=", _72),
    "klm_lint.site.urls.Address": ("url,scope=,key=,node=", _73),
    "klm_lint.site.urls._File": (
        "folder,relative,prefix,root,collection,generator,site_path,path=",
        _74,
    ),
    "klm_lint.site.urls.AddressRule": ("generator,keys,collision", _75),
    "klm_lint.site.validate.Issue": (
        "kind,path,spec,node,entry,parent=,within=,expected=,bound=,objects=,severity=",
        _76,
    ),
    "klm_lint.site.validate.Valued": ("spec,node,path", _77),
    "klm_lint.site.validate.Checked": ("issues(),dates(),assets(),drafts(),urls()", _78),
}
