package dev.arca.extract;

import java.util.regex.Pattern;

/**
 * Short texts that are page furniture in the common languages (en, de, fr, es, it, pt, nl, pl,
 * ru): "Back to top", "Share this", "Leave a Reply", "Related Articles", cookie and newsletter
 * prompts, advertisement labels, image credits, and the headings that open a comment thread or
 * a block of teasers.
 */
final class FurnitureText {

    /** The patterns are written in lower case and matched against lower-cased text: no case folding. */
    private static final int FLAGS = 0;

    /** "Read on" in the languages here, as a label standing alone or as a link closing a teaser. */
    private static final String READ_ON_LABELS = "weiterlesen|mehr lesen|lire la suite|leer más|continua a leggere|"
            + "leia mais|lees meer|czytaj dalej|czytaj więcej|читать далее";

    /** A whole short block that is furniture. */
    private static final Pattern WHOLE = Pattern.compile("^\\W*(?:"
            + "back to top(?: button)?|to top|top of page|nach oben|zum seitenanfang|haut de (?:la )?page|retour en haut|"
            + "volver arriba|ir arriba|torna su|torna all'inizio|voltar ao topo|topo|terug naar boven|naar boven|"
            + "наверх|do góry|"
            + "share(?: this)?(?: (?:article|story|post|page))?(?: on \\w+)?|share via \\w+|tweet(?: this)?|pin it|email|"
            + "e-mail|print(?: this)?(?: (?:article|page))?|(?:diesen |den )?(?:artikel|beitrag) (?:teilen|drucken)|"
            + "teilen|jetzt teilen|drucken|partager(?: (?:cet|l')article)?|partagez|imprimer|"
            + "compartir(?: (?:este|esta) (?:artículo|nota|noticia))?|compártelo|imprimir|"
            + "condividi(?: (?:questo|l') ?articolo)?|stampa|compartilhe(?: (?:esta|este) (?:matéria|artigo|notícia))?|"
            + "compartilhar|deel(?: dit artikel)?|delen|afdrukken|поделиться|udostępnij|"
            + "source link|source|sources?:?|"
            + "advertisement|advertising|sponsored(?: content| links)?|ad|ads|anzeige|werbung|publicité|publicidad|"
            + "(?:the )?(?:story|article|content|text) continues (?:below|after)(?: (?:this )?(?:advertisement|ad))?|"
            + "continue reading (?:below|the main story)|advertisement(?: [-–] scroll to continue| continues below)?|"
            + "scroll to continue(?: with content)?|skip advertisement|ad feedback|paid content|weiter nach der anzeige|"
            + "artikel geht nach der anzeige weiter|la suite après (?:cette |la )?publicité|"
            + "pubblicità|publicidade|advertentie|реклама|reklama|"
            + "(?:\\d+\\s+)?comments?|no comments(?: yet)?|kommentare?|commentaires?|comentarios?|commenti|"
            + "comentários|reacties|комментарии|komentarze|"
            + "leave a (?:reply|comment)|post a comment|add a comment|write a comment|join the (?:discussion|conversation)|"
            + "kommentar schreiben|schreibe einen kommentar|laisser un commentaire|laisser une réponse|"
            + "deja un comentario|deja una respuesta|lascia un commento|lascia una risposta|deixe um comentário|"
            + "deixe uma resposta|plaats een reactie|geef een reactie|оставить комментарий|добавить комментарий|"
            + "related(?: articles| posts| stories| content| news| links)?|you (?:may|might) also like|"
            + "more (?:stories|articles|news)|more from [\\p{L} ]{1,30}|recommended(?: for you)?|read more|read next|"
            + "also read|see also|trending(?: now)?|most (?:read|popular|viewed)|popular posts|recent posts|"
            + "weitere artikel|das könnte sie auch interessieren|lesen sie auch|mehr zum thema|ähnliche artikel|"
            + "à lire aussi|lire aussi|articles similaires|sur le même sujet|te puede interesar|"
            + "artículos relacionados|noticias relacionadas|leggi anche|articoli correlati|potrebbe interessarti|"
            + "leia também|veja também|artigos relacionados|notícias relacionadas|lees ook|gerelateerde artikelen|"
            + "meer nieuws|читайте также|похожие статьи|zobacz także|czytaj także|"
            + "tags?|filed under|categories|kategorien|étiquettes|etiquetas|"
            + "previous(?: post| article)?|next(?: post| article)?|vorheriger artikel|nächster artikel|"
            + "article précédent|article suivant|"
            + "skip to (?:main )?content|jump to navigation|follow us|folgen sie uns|suivez-nous|síguenos|seguici|"
            + "you are here:?|sie sind hier:?|vous êtes ici:?|usted está aquí:?|ti trovi in:?|você está aqui:?|"
            + "u bent hier:?|" + READ_ON_LABELS + "|dowiedz się więcej|learn more|mehr erfahren|en savoir plus|saber más|"
            + "scopri di più|saiba mais|meer informatie|polecamy|drukuj|weiter"
            + ")\\W*$", FLAGS);

    /** Headings that open a thread of comments, a reply form or a block of teasers. */
    private static final Pattern SECTION = Pattern.compile("^\\W*(?:\\d+\\s+)?(?:"
            + "comments?|\\d+ (?:responses?|replies)|reader comments|kommentare?|leserkommentare|commentaires?|"
            + "réactions|comentarios?|commenti|comentários|reacties|комментарии|komentarze|"
            + "(?:\\d+ )?(?:thoughts|responses|replies|comments) on .{1,200}|"
            + "leave a (?:reply|comment)|post a comment|add a comment|write a comment|join the (?:discussion|conversation)|"
            + "kommentar schreiben|schreibe einen kommentar|laisser un commentaire|deja un comentario|"
            + "deja una respuesta|lascia un commento|deixe um comentário|deixe uma resposta|plaats een reactie|"
            + "оставить комментарий|"
            + "related(?: articles| posts| stories| content| news| links| reading| coverage| topics)?|"
            + "you (?:may|might) also (?:like|enjoy|be interested in)|more from .{1,40}|(?:our )?top stories|"
            + "latest (?:news|stories|articles)|don'?t miss|editor'?s picks|in other news|what to read next|"
            + "popular (?:now|today|stories)|also on .{1,40}|auch (?:auf|bei) [\\p{L}\\d-]+\\.[a-z]{2,6}|"
            + "(?:(?:mehr |weitere )?(?:artikel|videos|beiträge|nachrichten)(?: und (?:artikel|videos|beiträge))? zum thema)|"
            + "verwandte (?:artikel|themen|beiträge)|empfehlungen(?: aus .{1,40})?|weitere (?:nachrichten|beiträge|meldungen)|"
            + "plus d'articles|à découvrir aussi|a découvrir|également sur .{1,40}|también te puede interesar|"
            + "ti potrebbe interessare|você também pode gostar|misschien ook interessant|"
            + "more (?:stories|articles|news|on this (?:topic|story))|recommended(?: for you| stories| articles)?|"
            + "read (?:more|next)|also read|trending(?: now)?|most (?:read|popular|viewed)|popular posts|"
            + "recent posts|weitere artikel|das könnte sie auch interessieren|lesen sie auch|mehr zum thema|"
            + "ähnliche artikel|à lire aussi|lire aussi|articles similaires|sur le même sujet|te puede interesar|"
            + "artículos relacionados|noticias relacionadas|leggi anche|articoli correlati|leia também|veja também|"
            + "artigos relacionados|lees ook|gerelateerde artikelen|читайте также|похожие статьи|zobacz także|"
            + "about the author|über den autor|über die autorin|à propos de l'auteur|sobre el autor|sull'autore|"
            + "sobre o autor|over de auteur|об авторе|o autorze|"
            + "zum weiterlesen|weiterführende (?:artikel|links)|mehr zu(?:m)? [\\p{L} ]{1,40}|"
            + "(?:das (?:thema )?)?könnte (?:dich|sie) auch interessieren|dowiedz się więcej|czytaj (?:też|także|więcej)|"
            + "zobacz (?:też|także|również)|polecamy|auch interessant|"
            + "sign up for (?:our|the) .{0,40}newsletter|subscribe to (?:our|the) .{0,40}newsletter|newsletter|"
            + "get (?:our|the) newsletter"
            + ")\\W*$", FLAGS);

    /** A paragraph that only points elsewhere: "Read more: ...", "Related: ...", "Lesen Sie auch: ...". */
    private static final Pattern TEASER_PREFIX = Pattern.compile("^\\W*(?:"
            + "read more|read also|also read|related|see also|more|recommended|watch|listen|dowiedz się więcej|"
            + "lesen sie (?:auch|mehr)|mehr dazu|auch interessant|lire aussi|à lire aussi|à voir aussi|"
            + "lee también|te puede interesar|leggi anche|leia também|veja também|lees ook|"
            + "читайте также|czytaj także|zobacz także)\\s*[:»›>|-]", FLAGS);

    /** A line that lists the story's tags or topics: "Tags: buses, council", "Themen: ...". */
    private static final Pattern TAG_LINE = Pattern.compile("^\\W*(?:"
            + "tags?|tagged(?: with)?|topics?|filed under|categories|category|keywords|themen|schlagw(?:ö|oe)rter|"
            + "schlagworte|stichw(?:ö|oe)rter|mots-clés|mots clés|étiquettes|sujets|etiquetas|temas|argomenti|"
            + "tag|parole chiave|onderwerpen|trefwoorden|tagi|tematy|теги|метки"
            + ")\\s*:.{0,300}$", FLAGS);

    /** Cookie, consent and newsletter prompts. */
    private static final Pattern PROMPT = Pattern.compile(
            "\\b(?:we use cookies|this (?:site|website) uses cookies|uses cookies to|by continuing to (?:use|browse)|"
                    + "accept (?:all )?cookies|cookie (?:policy|settings|preferences)|wir verwenden cookies|"
                    + "diese (?:website|seite) verwendet cookies|nous utilisons des cookies|ce site utilise des cookies|"
                    + "utilizamos cookies|este sitio (?:web )?utiliza cookies|utilizziamo (?:i )?cookie|"
                    + "questo sito utilizza (?:i )?cookie|utilizamos cookies|wij gebruiken cookies|"
                    + "мы используем cookie|"
                    + "sign up for (?:our|the) (?:\\w+ )?newsletter|subscribe to (?:our|the) (?:\\w+ )?newsletter|"
                    + "newsletter abonnieren|inscrivez-vous à (?:notre|la) newsletter|suscríbete a (?:nuestro|nuestra)|"
                    + "iscriviti alla (?:nostra )?newsletter|assine (?:a nossa|nossa) newsletter|"
                    + "your email address will not be published|required fields are marked|"
                    + "ihre e-mail-adresse wird nicht veröffentlicht|votre adresse (?:e-mail|de messagerie) ne sera pas publiée|"
                    + "tu dirección de correo electrónico no será publicada|il tuo indirizzo email non sarà pubblicato|"
                    + "o seu endereço de e-mail não será publicado|je e-mailadres wordt niet gepubliceerd|"
                    + "you must be logged in to post a comment|korzystamy z (?:plików )?cookies|"
                    + "subscribe now to|download (?:our|the [\\w-]+) (?:free )?apps? for (?:ios|iphone|ipad|android)|"
                    + "(?:get|download) our (?:free )?(?:news )?app\\b|if you (?:enjoyed|liked) (?:reading )?this (?:post|article)|"
                    + "support (?:our|independent) journalism|comments (?:are|will be) (?:moderated|reviewed|closed)|"
                    + "comments (?:on this (?:story|article|post) )?(?:are|have been) (?:closed|disabled|moderated)|"
                    + "(?:read|see) our (?:community|comment(?:ing)?) (?:guidelines|policy|rules)|"
                    + "we may (?:earn|receive) (?:a )?(?:small )?(?:commission|compensation)|contains? affiliate links|"
                    + "contains references to products from|affiliate links?(?: on this page)?,? (?:we|which)|"
                    + "kommentare werden moderiert|les commentaires sont modérés|los comentarios (?:son|están) moderados|"
                    + "check out more (?:articles|stories|posts|videos) (?:on|at|from)\\b|"
                    + "^\\W*(?:contact|email|e-mail|write to|reach) [\\p{L} .'-]{2,40} (?:at|via|on) \\S+@\\S+$)",
            FLAGS);

    /** An image credit standing alone: "Photo: Reuters", "(Image credit: Getty)", "© AFP". */
    private static final Pattern CREDIT = Pattern.compile("^\\W*(?:"
            + "(?:photo|image|picture|foto|bild|imagen|immagine|imagem|фото)(?:\\s+credit)?s?\\s*(?::|by|©)|"
            + "cr[ée]dits?(?: photos?)?\\s*:|bildquelle\\s*:|fotos?\\s*:|quelle\\s*:\\s*(?:dpa|afp|reuters|getty)|"
            + "credits?\\s*:|©|\\(c\\)|copyright\\s|getty images|reuters|ap photo|afp(?:/getty)?\\b|"
            + "(?:photo|foto|image)\\s*/).{0,80}$", FLAGS);

    /** The credit line of a republished story: "Source: Outlet", "Originally published at ...". */
    private static final Pattern SOURCE_LINE = Pattern.compile(
            "^\\W*(?:source|sources|quelle|fuente|fonte|bron|источник|źródło)\\s*:|^\\W*original(?:ly)? "
                    + "(?:published|appeared|posted) (?:at|on|in|by)\\b|^\\W*(?:this (?:article|story|post) )?"
                    + "(?:was )?first (?:published|appeared) (?:at|on|in)\\b", FLAGS);

    /** The labels of where a post is filed. */
    private static final String TAXONOMY_LABEL = "categor(?:y|ies)|kategorien?|categorías?|catégories?|categorie|"
            + "section|rubrik|rubrique|ressort|tags?";
    private static final Pattern TAXONOMY_FIELD = Pattern.compile("\\b(?:" + TAXONOMY_LABEL + ")\\s*:", FLAGS);
    /** The labels of a post's metadata, as a line of "Label : value" pairs names them. */
    private static final String META_LABEL = "(?:(?:news |post |publication |release )?date|datum|fecha|data|"
            + "(?:posted|published|updated)(?: on)?|veröffentlicht(?: am)?|publié le|publicado(?: el| em)?|"
            + TAXONOMY_LABEL + "|author|autor|auteur|autore|by|source|quelle|fuente|views|hits|aufrufe)";
    /**
     * A line made only of two or more labelled metadata fields: "News date : 04/21/2022
     * Category : Press Releases", "Autor: A. B. | Rubrik: Sport".
     */
    private static final Pattern META_FIELDS = Pattern.compile("^\\W*" + META_LABEL + "\\s*:\\s*\\S.{0,60}?"
            + "(?:\\s+[|·•/-]?\\s*" + META_LABEL + "\\s*:\\s*\\S.{0,60}?)+\\W*$", FLAGS);
    /** A link that only leads on to the rest of a teased text: "[czytaj więcej]", "Continue reading →", "(more…)". */
    private static final Pattern READ_ON = Pattern.compile("^\\W*(?:read more|read on|continue reading|more|mehr|la suite|"
            + "seguir leyendo|leggi tutto|continue lendo|verder lezen|więcej|" + READ_ON_LABELS + "|\\.\\.\\.|…)\\W*$", FLAGS);

    /** The pages of a site's legal footer, of which a line names several: "Impressum | Datenschutz | © ...". */
    private static final Pattern LEGAL = Pattern.compile("\\b(?:impressum|imprint|datenschutz(?:erklärung)?|privacy(?: policy)?|"
            + "copyright|agb|terms(?: of (?:use|service))?|disclaimer|kontakt|contact(?: us)?|mentions légales|"
            + "aviso legal|privacidad|cookies?)\\b|©", FLAGS);
    private static final Pattern SEPARATOR = Pattern.compile("\\s[|·•]\\s");

    /** The longest whole-block label worth matching ("more from ..." included). */
    private static final int MAX_LABEL = 60;
    private static final String[] PROMPT_WORDS = {"cookie", "newsletter", "e-mail", "email", "correo", "required",
        "subscribe now", "download", "our app", "enjoyed", "liked this", "journalism", "comment", "kommentar", "affiliate", "commission",
        "compensation", "advertisers", "check out more", "@",
        "logged", "veröffentlicht", "publiée", "publicada", "pubblicato", "publicado", "gepubliceerd"};

    private FurnitureText() {
    }

    /**
     * One block's text and its lower-cased form, made once, for asking several of the questions
     * here about the same block.
     */
    record Line(String text, String lower) {

        static Line of(String text) {
            return new Line(text, folded(text));
        }

        boolean furniture() {
            return text.length() <= MAX_LABEL && WHOLE.matcher(lower).matches() || prompt();
        }

        boolean sourceLine() {
            return text.length() < 200 && SOURCE_LINE.matcher(lower).lookingAt();
        }

        /**
         * Two or more labelled metadata fields and nothing else, one of them where the post is
         * filed; an "Author: ... Published: ..." head without one is left to the byline and date rules.
         */
        boolean metaFields() {
            return text.length() < 160 && lower.indexOf(':') >= 0 && TAXONOMY_FIELD.matcher(lower).find()
                    && META_FIELDS.matcher(lower).matches();
        }

        /** A cookie or consent notice. */
        boolean consent() {
            return lower.contains("cookie") && prompt();
        }

        boolean tagLine() {
            return text.length() < 320 && TAG_LINE.matcher(lower).matches();
        }

        boolean teaser() {
            return text.length() < 250 && TEASER_PREFIX.matcher(lower).lookingAt();
        }

        boolean prompt() {
            return text.length() < 600 && mentionsPromptWord(lower) && PROMPT.matcher(lower).find();
        }

        /** A line of a site's legal footer: two or more of its pages, set apart by bars or dots. */
        boolean legalFooter() {
            if (text.length() > 200 || lower.indexOf('|') < 0 && lower.indexOf('·') < 0 && lower.indexOf('•') < 0) {
                return false;
            }
            return LEGAL.matcher(lower).results().count() >= 2 && SEPARATOR.matcher(lower).results().count() >= 2;
        }

        boolean credit() {
            return text.length() < 100 && CREDIT.matcher(lower).matches();
        }
    }

    /** True when the whole of {@code text} is a furniture label or prompt. */
    public static boolean isFurniture(String text) {
        return Line.of(text).furniture();
    }

    /** True for a link's text that only leads on to the rest: "Read more", "[czytaj więcej]". */
    static boolean isReadOn(String text) {
        return text.length() < 40 && READ_ON.matcher(folded(text)).matches();
    }

    /** True for a "Source: Outlet" or "Originally published at" line. */
    public static boolean isSourceLine(String text) {
        return Line.of(text).sourceLine();
    }

    /** True when {@code heading} opens comments, a reply form, teasers or an author bio. */
    public static boolean opensFurnitureSection(String heading) {
        return heading.length() <= 120 && SECTION.matcher(folded(heading)).matches();
    }

    /** True for a "Tags: a, b, c" line. */
    public static boolean isTagLine(String text) {
        return Line.of(text).tagLine();
    }

    /** True for a "Read more: ..." line that points to another article. */
    public static boolean isTeaser(String text) {
        return Line.of(text).teaser();
    }

    /** True for a cookie, consent or newsletter prompt, or a comment-form notice. */
    public static boolean isPrompt(String text) {
        return Line.of(text).prompt();
    }

    /**
     * Lower case, with no-break spaces as plain ones: Polish and French set one after short words
     * and before punctuation ("z&nbsp;cookies", "Partager&nbsp;:"), and the patterns here write a space.
     */
    private static String folded(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    /** A cheap filter before the prompt pattern, which is costly to search for. */
    private static boolean mentionsPromptWord(String lower) {
        for (String w : PROMPT_WORDS) {
            if (lower.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** True for an image credit on its own. */
    public static boolean isCredit(String text) {
        return Line.of(text).credit();
    }
}
