"""Sentences written for these tests (no third-party text), in several languages."""

FRENCH = (
    "Le conseil municipal a voté jeudi un budget de trois millions d’euros pour rénover l’école, "
    "malgré l’opposition des élus écologistes qui jugent le cœur du projet trop coûteux : 12 € par habitant.\n"
)
FRENCH_LATIN1 = (
    "Où est passé l'été ? Le maire a dû reconnaître que la fête du village coûterait plus cher "
    "que prévu, à cause des dégâts causés par l'orage de mardi.\n"
)
VIETNAMESE = (
    "Hội đồng thành phố đã thông qua ngân sách mới vào thứ năm để sửa chữa trường học, "
    "nhưng nhiều cư dân vẫn lo ngại về chi phí.\n"
)
RUSSIAN = (
    "Городской совет в четверг утвердил новый бюджет на ремонт школы. Однако многие жители "
    "по-прежнему сомневаются в его необходимости и требуют общественных слушаний.\n"
)
POLISH = (
    "Rada miejska zatwierdziła w czwartek nowy budżet na remont szkoły, choć wielu mieszkańców "
    "wciąż uważa, że koszty są zbyt wysokie. Źródła w ratuszu mówią o opóźnieniach.\n"
)

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<title>Le maire annonce un nouveau pont | Journal du Val</title>
<link rel="canonical" href="https://journal.example/2024/03/pont">
<meta property="og:site_name" content="Journal du Val">
<meta name="author" content="Claire Dubois">
<meta property="article:published_time" content="2024-03-12T08:00:00+01:00">
</head><body>
<nav><a href="/">Accueil</a> <a href="/sport">Rubrique sport</a></nav>
<article><h1>Le maire annonce un nouveau pont</h1>
<p>Le maire de la commune a annoncé mardi la construction d'un nouveau pont sur la rivière,
un chantier qui doit durer deux ans.</p>
<p>Selon la mairie, le coût total atteindra douze millions d'euros,<br>financés en partie par la région.</p>
<p>Les riverains se disent inquiets du bruit pendant les travaux, mais la plupart saluent un
projet attendu depuis longtemps.</p>
<table><tr><td>Coût estimé du chantier</td><td>12 millions</td></tr></table>
</article>
<div class="comments"><p>Commentaire de lecteur : super nouvelle pour le quartier !</p></div>
<footer>Partager sur les réseaux sociaux</footer>
</body></html>
"""
