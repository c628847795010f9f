package dev.candor.ai.summary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.stemmer.PorterStemmer;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * English sentence splitting, tokens, part-of-speech tags and stems, from Apache OpenNLP and its
 * English UD-EWT models shipped as Maven jars on the class path (nothing is downloaded). OpenNLP's
 * tools are not thread-safe, so every method is synchronized; one instance per summariser.
 */
public final class EnglishText {
    private final SentenceDetectorME sentences;
    private final TokenizerME tokenizer;
    private final POSTaggerME tagger;
    private final PorterStemmer stemmer = new PorterStemmer();

    public EnglishText() {
        try (InputStream s = open("/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin");
                InputStream t = open("/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin");
                InputStream p = open("/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin")) {
            sentences = new SentenceDetectorME(new SentenceModel(s));
            tokenizer = new TokenizerME(new TokenizerModel(t));
            tagger = new POSTaggerME(new POSModel(p), POSTagFormat.PENN);
        } catch (IOException e) {
            throw new UncheckedIOException("An OpenNLP English model could not be read", e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = EnglishText.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("OpenNLP model " + resource + " is missing from the class path");
        }
        return in;
    }

    public synchronized List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String s : sentences.sentDetect(text)) {
            String t = s.strip();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    public synchronized String[] tokens(String sentence) {
        return tokenizer.tokenize(sentence);
    }

    public synchronized String[] tags(String[] tokens) {
        return tagger.tag(tokens);
    }

    /** Lower-case Porter stem of one word. */
    public synchronized String stem(String word) {
        return stemmer.stem(word.toLowerCase(Locale.ROOT));
    }
}
