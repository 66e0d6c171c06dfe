"""Numbered errors for articles that cannot be processed.

An article that fails gets an `ArticleError(code, message)`; the run goes on.
Search the code (e.g. "E003") to find when it is raised and what to do.
"""

EMPTY = "E001"  # no text, or too little to hold a news report
BINARY = "E002"  # bytes that are not text (image, PDF, archive)
UNDECODABLE = "E003"  # text in an encoding that could not be read
TOO_LARGE = "E004"  # over settings.max_bytes
NOT_ENGLISH = "E005"  # the pipeline reads English only
NO_ARTICLE = "E006"  # HTML with no article body that could be extracted
BAD_RECORD = "E007"  # an input line that is not a JSON object with `id` and `text`/`html`
PIPELINE = "E008"  # an unexpected failure inside a stage (a bug: please report it)
TIMEOUT = "E009"  # over settings.article_seconds: the article was stopped, the run went on
UNREADABLE = "E010"  # a file, folder, gzip stream or WARC record that could not be read whole

MESSAGES = {
    EMPTY: "The article is empty or has too few words to hold a news report.",
    BINARY: "The input is binary data, not text; give text, HTML, JSONL or WARC.",
    UNDECODABLE: "The text could not be decoded; save it as UTF-8.",
    TOO_LARGE: "The input is larger than the limit (settings max_bytes); split it or raise the limit.",
    NOT_ENGLISH: "The article does not look like English; Chronicle reads English only.",
    NO_ARTICLE: "No article body could be extracted from this HTML page.",
    BAD_RECORD: "The input record is not a JSON object with an `id` and `text` or `html`.",
    PIPELINE: "An unexpected error stopped this article; the run went on. Please report it.",
    TIMEOUT: "The article took longer than its time budget (settings article_seconds) and was "
             "stopped; the run went on. Raise the budget, or report the article.",
    UNREADABLE: "The source could not be read whole (permission, corrupt or truncated file, "
                "symlink loop); what could be read was kept and the other sources were read.",
}


def message(code: str, detail: str = "") -> str:
    """Return the standard message for `code`, with `detail` appended when given."""
    base = MESSAGES[code]
    return f"{base} ({detail})" if detail else base
