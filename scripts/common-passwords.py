#!/usr/bin/env python3
"""Writes src/main/resources/security/common-passwords.txt: passwords people choose most often.

Made here, not downloaded: the words and patterns below are the well-known ones (the same few
dozen words, names, teams, places and keyboard walks head every published breach ranking), in
English, Spanish and Portuguese as Linea's users write them, each with the decorations people add
(a capital, digits, a year, '!'). Lowercase, one a line, sorted; Linea compares case-insensitively
and also checks a password with its leading and trailing digits and symbols removed against the
base words. Run: python3 scripts/common-passwords.py
"""
import pathlib

WORDS = """
password passwort passw0rd pass secret secreto contrasena contraseña clave senha senhas motdepasse
qwerty qwertz azerty qwertyuiop asdfgh asdfghjkl zxcvbnm qazwsx qweasd zaq1xsw2 1qaz2wsx 1q2w3e4r 1q2w3e4r5t
iloveyou iloveu loveyou teamo tequiero teadoro amor amore amorcito amormio miamor mivida corazon cariño carino
princesa princess angel angelito angela babygirl baby bebe bebita mama papa mamita papito mother father
admin administrator administrador root toor user usuario guest invitado login acceso access welcome bienvenido
bienvenida letmein changeme cambiame default test testing prueba demo sistema soporte support master
monkey dragon tiger lion eagle shadow sunshine sunflower flower rosa girasol mariposa estrella lucero
football futbol soccer baseball basketball hockey tennis golf boxing
superman batman spiderman ironman pokemon pikachu naruto goku starwars matrix
michael jennifer jessica ashley amanda nicole melissa michelle daniel andrew joshua matthew robert william
richard joseph thomas charlie jordan hunter tigger buster harley ginger pepper maggie bailey
maria mariana mariajose jose josé juan juanito carlos luis miguel pedro pablo jorge javier diego
fernando ricardo roberto antonio francisco manuel gabriel alejandro sebastian santiago mateo
sofia valentina camila isabella lucia martina daniela gabriela andrea carolina alejandra fernanda
paola patricia veronica monica claudia adriana natalia paula laura sara ana
jesus jesucristo cristo christ dios diosesamor godisgood blessed bendicion bendecido bendecida
familia family friends amigos amigo amiga hermano hermana brother sister forever siempre
libertad freedom liberty paz peace esperanza hope fe faith vida life
america mexico méxico argentina colombia peru perú chile venezuela ecuador bolivia uruguay paraguay
brasil brazil guatemala honduras nicaragua panama cuba haiti españa espana spain
lima bogota medellin cali caracas maracaibo quito guayaquil santiago buenosaires montevideo
lapaz asuncion tijuana monterrey guadalajara
boca bocajuniors river riverplate barcelona realmadrid madrid atletico juventus chelsea arsenal
liverpool manchester manutd milan inter bayern america chivas pumas millonarios nacional
alianza universitario colocolo penarol flamengo corinthians palmeiras santos
cowboys yankees lakers steelers eagles patriots
chocolate cookie cookies banana orange naranja manzana apple fresa cereza
purple silver golden gold diamond diamante blue azul red rojo green verde black negro white blanco
computer computadora internet google facebook instagram whatsapp tiktok youtube twitter linkedin
microsoft windows samsung iphone android nokia
ferrari mustang corvette mercedes porsche toyota nissan honda yamaha
whatever trustno1 trustme nothing nada nadie something somebody secret123
summer winter spring autumn verano invierno primavera otoño otono
monday friday sunday lunes viernes domingo
january enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
hello hola holamundo helloworld hellokitty goodbye adios
killer hacker gamer player rockstar superstar legend leyenda king rey queen reina boss jefe
linea cruzroja redcross crocevermelha humanitarian humanitario refugio albergue migrante
whatsapp twilio simulator
""".split()

KEYBOARD = """
qwertyuiop asdfghjkl zxcvbnm qwertyui qwerty123 qwerty1234 qwertyuiop123 1qaz2wsx3edc 1qaz2wsx3edc4rfv
zaq12wsx zaq1zaq1 qazwsxedc qazwsxedcrfv 1q2w3e4r5t6y 1q2w3e4r5t6y7u8i 1234qwer 123qwe 123qweasd
qweasdzxc asdf1234 asdfasdf qwerqwer zxcvbnm123 !qaz2wsx poiuytrewq mnbvcxz lkjhgfdsa
abcdefgh abcdefghij abcd1234 abc12345 a1b2c3d4 aa123456 a1234567 q1w2e3r4 password1234
""".split()

SUFFIXES = ["", "1", "12", "123", "1234", "12345", "123456", "123456789", "!", "123!", "2024", "2025", "2026"]

LEET = str.maketrans({"a": "@", "o": "0", "e": "3", "i": "1", "s": "$"})


def variants(word):
    word = word.lower()
    for base in {word, word.translate(LEET), word.replace("ñ", "n")}:
        for suffix in SUFFIXES:
            yield base + suffix
        yield base + base


def sequences():
    digits = "01234567890123456789"
    for length in range(8, 17):
        for start in range(10):
            yield digits[start:start + length]
            yield digits[start:start + length][::-1]
        for c in "0123456789abcdefghijklmnopqrstuvwxyz!*.":
            yield c * length
    for pair in ("12", "123", "1234", "12345", "abc", "ab", "qwe", "asd", "xo", "la", "ha", "ja", "jaja", "hehe"):
        for times in range(2, 9):
            yield pair * times


def main():
    words = set()
    for word in WORDS:
        words.add(word.lower())
        words.update(variants(word))
    words.update(k.lower() for k in KEYBOARD)
    for k in KEYBOARD:
        words.update(k + s for s in ("1", "!", "123", "2024", "2025", "2026"))
    words.update(sequences())
    out = pathlib.Path(__file__).resolve().parent.parent / "src/main/resources/security/common-passwords.txt"
    out.write_text("\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"{len(words)} passwords in {out}")


if __name__ == "__main__":
    main()
