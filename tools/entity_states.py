"""Curated state data for tools/gen_entities.py.

One line per UN member or observer state, fields separated by "|", list items by ";":
  iso2 | canonical English name ("" = ICU's) | English names | German names |
  English adjectives | German adjective stems (lower case) | English metonyms |
  German metonyms | English demonyms (plural) | German demonyms (plural) | extra codes
ICU supplies the English and German display names; these lines add short forms, variants,
German inflected forms that the automatic genitive rule in gen_entities.py does not produce,
adjectives, capitals and seats of power. Capitals that are common words or first names
(Victoria, Male, Sofia, Santiago, Kingston, ...) are deliberately left out: see docs/entities.md.
"""

STATES = r"""
AF | | Islamic Republic of Afghanistan | | Afghan | afghanisch | Kabul | Kabul | Afghans | Afghanen |
AL | | Republic of Albania | | Albanian | albanisch | Tirana | Tirana | Albanians | Albaner |
DZ | | People's Democratic Republic of Algeria | | Algerian | algerisch | Algiers | Algier | Algerians | Algerier |
AD | | Principality of Andorra | | Andorran | andorranisch | Andorra la Vella | Andorra la Vella | Andorrans | Andorraner |
AO | | Republic of Angola | | Angolan | angolanisch | Luanda | Luanda | Angolans | Angolaner |
AG | Antigua and Barbuda | Antigua and Barbuda; Antigua | Antigua | Antiguan | antiguanisch | | | |  |
AR | | Argentine Republic | | Argentine; Argentinian | argentinisch | Buenos Aires; Casa Rosada | Buenos Aires; Casa Rosada | Argentines; Argentinians | Argentinier |
AM | | Republic of Armenia | | Armenian | armenisch | Yerevan; Erevan | Eriwan; Jerewan | Armenians | Armenier |
AU | | Commonwealth of Australia | | Australian | australisch | Canberra | Canberra | Australians | Australier |
AT | | Republic of Austria | Republik Österreich | Austrian | österreichisch | Vienna | Wien | Austrians | Österreicher |
AZ | | Republic of Azerbaijan | | Azerbaijani; Azeri | aserbaidschanisch | Baku | Baku | Azerbaijanis | Aserbaidschaner |
BS | | The Bahamas; Commonwealth of The Bahamas | | Bahamian | bahamaisch | | | Bahamians | |
BH | | Kingdom of Bahrain | Königreich Bahrain | Bahraini | bahrainisch | Manama | Manama | Bahrainis | Bahrainer |
BD | | People's Republic of Bangladesh | | Bangladeshi | bangladeschisch | Dhaka | Dhaka; Dakka | Bangladeshis | Bangladescher |
BB | | | | Barbadian | barbadisch | Bridgetown | Bridgetown | Barbadians | |
BY | | Republic of Belarus; Byelorussia; Belorussia | Weißrussland; Republik Belarus; Weissrussland; Weißrusslands | Belarusian; Belarussian; Byelorussian | belarussisch; weißrussisch | Minsk | Minsk | Belarusians | Belarussen; Weißrussen |
BE | | Kingdom of Belgium | Königreich Belgien | Belgian | belgisch | | | Belgians | Belgier |
BZ | | | | Belizean | belizisch | Belmopan | Belmopan | Belizeans | |
BJ | | Republic of Benin | | Beninese | beninisch | Porto-Novo | Porto-Novo | | |
BT | | Kingdom of Bhutan | | Bhutanese | bhutanisch | Thimphu | Thimphu | | |
BO | | Plurinational State of Bolivia | | Bolivian | bolivianisch | La Paz | La Paz | Bolivians | Bolivianer |
BA | Bosnia and Herzegovina | Bosnia and Herzegovina; Bosnia-Herzegovina; Bosnia | Bosnien-Herzegowina; Bosnien; Bosniens | Bosnian | bosnisch; bosnisch-herzegowinisch | Sarajevo | Sarajevo | Bosnians | Bosnier |
BW | | Republic of Botswana | Botswana | Botswanan; Motswana | botsuanisch; botswanisch | Gaborone | Gaborone | | |
BR | | Federative Republic of Brazil | | Brazilian | brasilianisch | Brasilia; Brasília; Planalto | Brasília; Brasilia | Brazilians | Brasilianer |
BN | Brunei | Brunei Darussalam | Brunei | Bruneian | bruneiisch | Bandar Seri Begawan | Bandar Seri Begawan | | |
BG | | Republic of Bulgaria | | Bulgarian | bulgarisch | | | Bulgarians | Bulgaren |
BF | | | | Burkinabe; Burkinabé | burkinisch | Ouagadougou | Ouagadougou | | |
BI | | Republic of Burundi | | Burundian | burundisch | Gitega; Bujumbura | Gitega; Bujumbura | Burundians | Burundier |
CV | Cape Verde | Cabo Verde; Republic of Cabo Verde | Kap Verde | Cape Verdean | kapverdisch | | | | |
KH | | Kingdom of Cambodia | Königreich Kambodscha | Cambodian | kambodschanisch | Phnom Penh | Phnom Penh | Cambodians | Kambodschaner |
CM | | Republic of Cameroon | | Cameroonian | kamerunisch | Yaounde; Yaoundé | Jaunde; Yaoundé | Cameroonians | Kameruner |
CA | | | | Canadian | kanadisch | Ottawa | Ottawa | Canadians | Kanadier |
CF | | CAR | Zentralafrikanischen Republik | Central African | zentralafrikanisch | Bangui | Bangui | | |
TD | | Republic of Chad | | Chadian | tschadisch | N'Djamena; Ndjamena | N'Djamena | Chadians | Tschader |
CL | | Republic of Chile | | Chilean | chilenisch | La Moneda | La Moneda | Chileans | Chilenen |
CN | | People's Republic of China; PRC; Mainland China | Volksrepublik China; VR China | Chinese | chinesisch | Beijing; Peking; Zhongnanhai | Peking; Beijing; Zhongnanhai | | Chinesen |
CO | | Republic of Colombia | | Colombian | kolumbianisch | Bogota; Bogotá | Bogotá; Bogota | Colombians | Kolumbianer |
KM | | Union of the Comoros; the Comoros | | Comoran; Comorian | komorisch | Moroni | Moroni | | |
CG | Republic of the Congo | Congo-Brazzaville; Republic of Congo; Congo Republic; Congo Brazzaville | Republik Kongo; Kongo-Brazzaville | | | Brazzaville | Brazzaville | | |
CD | Democratic Republic of the Congo | Democratic Republic of Congo; DR Congo; DRC; D.R. Congo; Congo-Kinshasa; Congo | Demokratische Republik Kongo; Demokratischen Republik Kongo; DR Kongo; Kongo; Kongos | Congolese | kongolesisch | Kinshasa | Kinshasa | | Kongolesen |
CR | | Republic of Costa Rica | | Costa Rican | costa-ricanisch | | | Costa Ricans | |
CI | Côte d'Ivoire | Cote d'Ivoire; Ivory Coast | Elfenbeinküste; Côte d'Ivoire | Ivorian | ivorisch | Yamoussoukro | Yamoussoukro | Ivorians | Ivorer |
HR | | Republic of Croatia | | Croatian | kroatisch | Zagreb | Zagreb | | |
CU | | Republic of Cuba | | Cuban | kubanisch | Havana | Havanna | Cubans | Kubaner |
CY | | Republic of Cyprus | Republik Zypern | Cypriot | zyprisch | Nicosia | Nikosia | Cypriots | Zyprer; Zyprioten |
CZ | Czech Republic | Czechia; Czech Republic | Tschechische Republik; Tschechischen Republik | Czech | tschechisch | Prague | Prag | Czechs | Tschechen |
DK | | Kingdom of Denmark | Königreich Dänemark | Danish | dänisch | Copenhagen | Kopenhagen | Danes | Dänen |
DJ | | Republic of Djibouti | | Djiboutian | dschibutisch | | | | |
DM | | Commonwealth of Dominica | | | | Roseau | Roseau | | |
DO | | | Dominikanischen Republik | Dominican | dominikanisch | Santo Domingo | Santo Domingo | Dominicans | Dominikaner |
EC | | Republic of Ecuador | | Ecuadorian; Ecuadorean | ecuadorianisch | Quito | Quito | Ecuadorians | Ecuadorianer |
EG | | Arab Republic of Egypt | Arabische Republik Ägypten | Egyptian | ägyptisch | Cairo | Kairo | Egyptians | Ägypter |
SV | | Republic of El Salvador | | Salvadoran; Salvadorean | salvadorianisch | San Salvador | San Salvador | Salvadorans | Salvadorianer |
GQ | | Republic of Equatorial Guinea | | Equatorial Guinean; Equatoguinean | äquatorialguineisch | Malabo | Malabo | | |
ER | | State of Eritrea | | Eritrean | eritreisch | Asmara | Asmara | Eritreans | Eritreer |
EE | | Republic of Estonia | | Estonian | estnisch | Tallinn | Tallinn | Estonians | Esten |
SZ | | Swaziland; Kingdom of Eswatini | Swasiland | Swazi; Eswatini | swasiländisch | Mbabane | Mbabane | | |
ET | | Federal Democratic Republic of Ethiopia | | Ethiopian | äthiopisch | | | Ethiopians | Äthiopier |
FJ | | Republic of Fiji | Fidschi-Inseln | Fijian | fidschianisch | Suva | Suva | Fijians | |
FI | | Republic of Finland | | Finnish | finnisch | Helsinki | Helsinki | Finns | Finnen |
FR | | French Republic | Französische Republik; Französischen Republik | French | französisch | Paris; the Elysee; Elysee; Élysée; Elysee Palace; Élysée Palace; Quai d'Orsay | Paris; Élysée; Elysée; Élysée-Palast; Elysée-Palast; Elysee-Palast; Élyséepalast; Elyseepalast | | Franzosen |
GA | | Gabonese Republic | | Gabonese | gabunisch | Libreville | Libreville | | |
GM | | The Gambia; Republic of The Gambia | | Gambian | gambisch | Banjul | Banjul | Gambians | Gambier |
GE | | | | Georgian | georgisch | Tbilisi | Tiflis; Tbilissi | Georgians | Georgier |
DE | | Federal Republic of Germany; FRG | Bundesrepublik Deutschland; Bundesrepublik; BRD | German | deutsch; bundesdeutsch | Berlin; Bundeswehr; Bundestag | Berlin; Kanzleramt; Bundeskanzleramt; Bundeswehr; Bundestag; Auswärtiges Amt; Auswärtigen Amt; Auswärtigen Amtes; Auswärtigen Amts | Germans | Deutschen |
GH | | Republic of Ghana | | Ghanaian | ghanaisch | Accra | Accra | Ghanaians | Ghanaer |
GR | | Hellenic Republic | Hellenische Republik | Greek | griechisch | Athens | Athen | Greeks | Griechen |
GD | | | | Grenadian | grenadisch | | | | |
GT | | Republic of Guatemala | | Guatemalan | guatemaltekisch | Guatemala City | Guatemala-Stadt | Guatemalans | Guatemalteken |
GN | | Republic of Guinea; Guinea-Conakry | Guinea-Conakry | Guinean | guineisch | Conakry | Conakry | Guineans | Guineer |
GW | | | | Bissau-Guinean | guinea-bissauisch | | | | |
GY | | Co-operative Republic of Guyana | | Guyanese | guyanisch | | | | |
HT | | Republic of Haiti | | Haitian | haitianisch | Port-au-Prince | Port-au-Prince | Haitians | Haitianer |
HN | | Republic of Honduras | | Honduran | honduranisch | Tegucigalpa | Tegucigalpa | Hondurans | Honduraner |
HU | | | | Hungarian | ungarisch | Budapest | Budapest | Hungarians | |
IS | | Republic of Iceland | | Icelandic | isländisch | Reykjavik; Reykjavík | Reykjavík; Reykjavik | Icelanders | Isländer |
IN | | Republic of India; Bharat | Republik Indien | Indian | indisch | New Delhi | Neu-Delhi; New Delhi | Indians | Inder |
ID | | Republic of Indonesia | Republik Indonesien | Indonesian | indonesisch | Jakarta | Jakarta | Indonesians | Indonesier |
IR | | Islamic Republic of Iran; Persia | Islamische Republik Iran; Persien | Iranian | iranisch | Tehran; Teheran | Teheran | Iranians | Iraner |
IQ | | Republic of Iraq | Republik Irak | Iraqi | irakisch | Baghdad | Bagdad | Iraqis | Iraker |
IE | | Republic of Ireland; Eire; Éire | Republik Irland | Irish | irisch | Dublin | Dublin | | Iren |
IL | | State of Israel | Staat Israel | Israeli | israelisch | Knesset | Knesset | Israelis | Israelis |
IT | | Italian Republic | Italienische Republik | Italian | italienisch | Rome; Palazzo Chigi | Rom; Palazzo Chigi | Italians | Italiener | ITL
JM | | | | Jamaican | jamaikanisch | | | Jamaicans | Jamaikaner |
JP | | | | Japanese | japanisch | Tokyo | Tokio; Tokyo | | Japaner | JAP
JO | | Hashemite Kingdom of Jordan | Haschemitisches Königreich Jordanien | Jordanian | jordanisch | Amman | Amman | Jordanians | Jordanier |
KZ | | Republic of Kazakhstan | Kasachstans | Kazakh; Kazakhstani | kasachisch | Astana; Nur-Sultan | Astana; Nur-Sultan | Kazakhs | Kasachen |
KE | | Republic of Kenya | | Kenyan | kenianisch | Nairobi | Nairobi | Kenyans | Kenianer |
KI | | | | I-Kiribati | kiribatisch | Tarawa | Tarawa | | |
KP | | DPRK; Democratic People's Republic of Korea; D.P.R.K. | Demokratische Volksrepublik Korea; Demokratischen Volksrepublik Korea; DVRK | North Korean | nordkoreanisch | Pyongyang | Pjöngjang; Pyongyang | North Koreans | Nordkoreaner |
KR | | Republic of Korea; ROK | Republik Korea | South Korean | südkoreanisch | Seoul; Blue House; Cheong Wa Dae | Seoul | South Koreans | Südkoreaner |
KW | | State of Kuwait | | Kuwaiti | kuwaitisch | Kuwait City | Kuwait-Stadt | Kuwaitis | Kuwaiter |
KG | | Kyrgyz Republic; Kirghizia | Kirgisien; Kirgistan | Kyrgyz; Kyrgyzstani | kirgisisch | Bishkek | Bischkek | | Kirgisen |
LA | | Lao People's Democratic Republic; Lao PDR | Demokratische Volksrepublik Laos | Laotian; Lao | laotisch | Vientiane | Vientiane | Laotians | Laoten |
LV | | Republic of Latvia | | Latvian | lettisch | Riga | Riga | Latvians | Letten |
LB | | Lebanese Republic | Libanesische Republik | Lebanese | libanesisch | Beirut | Beirut | | Libanesen |
LS | | Kingdom of Lesotho | | Basotho; Mosotho | lesothisch | Maseru | Maseru | | |
LR | | Republic of Liberia | | Liberian | liberianisch | Monrovia | Monrovia | Liberians | Liberianer |
LY | | State of Libya | | Libyan | libysch | Tripoli | Tripolis | Libyans | Libyer |
LI | | Principality of Liechtenstein | Fürstentum Liechtenstein | | liechtensteinisch | Vaduz | Vaduz | | Liechtensteiner |
LT | | Republic of Lithuania | | Lithuanian | litauisch | Vilnius | Vilnius; Wilna | Lithuanians | Litauer |
LU | | Grand Duchy of Luxembourg | Großherzogtum Luxemburg | Luxembourgish; Luxembourger | luxemburgisch | | | Luxembourgers | Luxemburger |
MG | | Republic of Madagascar | | Malagasy | madagassisch | Antananarivo | Antananarivo | | Madagassen |
MW | | Republic of Malawi | | Malawian | malawisch | Lilongwe | Lilongwe | Malawians | |
MY | | | | Malaysian | malaysisch | Kuala Lumpur; Putrajaya | Kuala Lumpur; Putrajaya | Malaysians | Malaysier |
MV | | Republic of Maldives; the Maldives | | Maldivian | maledivisch | | | Maldivians | |
ML | | Republic of Mali | | Malian | malisch | Bamako | Bamako | Malians | Malier |
MT | | Republic of Malta | | Maltese | maltesisch | Valletta | Valletta | | Malteser |
MH | | Republic of the Marshall Islands | | Marshallese | marshallisch | Majuro | Majuro | | |
MR | | Islamic Republic of Mauritania | | Mauritanian | mauretanisch | Nouakchott | Nouakchott | Mauritanians | Mauretanier |
MU | | Republic of Mauritius | | Mauritian | mauritisch | Port Louis | Port Louis | Mauritians | |
MX | | United Mexican States | | Mexican | mexikanisch | Mexico City | Mexiko-Stadt | Mexicans | Mexikaner |
FM | | Federated States of Micronesia | Föderierte Staaten von Mikronesien | Micronesian | mikronesisch | Palikir | Palikir | | |
MD | | Republic of Moldova; Moldavia | Moldau; Moldawien; Moldova | Moldovan; Moldavian | moldauisch; moldawisch | Chisinau; Chișinău; Kishinev | Chisinau; Chișinău; Kischinau; Kischinjow | Moldovans | Moldauer |
MC | | Principality of Monaco | Fürstentum Monaco | Monegasque | monegassisch | | | | Monegassen |
MN | | | | Mongolian | mongolisch | Ulaanbaatar; Ulan Bator | Ulaanbaatar; Ulan Bator; Ulan-Bator | Mongolians | |
ME | | | | Montenegrin | montenegrinisch | Podgorica | Podgorica | Montenegrins | Montenegriner |
MA | | Kingdom of Morocco | Königreich Marokko | Moroccan | marokkanisch | Rabat | Rabat | Moroccans | Marokkaner |
MZ | | Republic of Mozambique | | Mozambican | mosambikanisch | Maputo | Maputo | Mozambicans | Mosambikaner |
MM | Myanmar | Burma; Republic of the Union of Myanmar | Birma; Burma | Myanmar; Burmese | myanmarisch; birmanisch | Naypyidaw; Naypyitaw; Nay Pyi Taw | Naypyidaw; Naypyitaw | | |
NA | | Republic of Namibia | | Namibian | namibisch | Windhoek | Windhuk; Windhoek | Namibians | Namibier |
NR | | Republic of Nauru | | Nauruan | nauruisch | | | | |
NP | | Federal Democratic Republic of Nepal | | Nepali; Nepalese | nepalesisch | Kathmandu | Kathmandu | | Nepalesen |
NL | | Kingdom of the Netherlands; Holland; the Netherlands | Niederlanden; Holland; Königreich der Niederlande | Dutch | niederländisch; holländisch | | | | Niederländer |
NZ | | | | New Zealand | neuseeländisch | | | New Zealanders | Neuseeländer |
NI | | Republic of Nicaragua | | Nicaraguan | nicaraguanisch | Managua | Managua | Nicaraguans | Nicaraguaner |
NE | | Republic of the Niger; Republic of Niger | | Nigerien | nigrisch | Niamey | Niamey | Nigeriens | |
NG | | Federal Republic of Nigeria | | Nigerian | nigerianisch | Abuja | Abuja | Nigerians | Nigerianer |
MK | | Republic of North Macedonia; Macedonia; Former Yugoslav Republic of Macedonia; FYROM | Mazedonien; Nordmazedoniens; Mazedoniens; Republik Nordmazedonien | North Macedonian; Macedonian | nordmazedonisch; mazedonisch | Skopje | Skopje | | Nordmazedonier; Mazedonier |
NO | | Kingdom of Norway | Königreich Norwegen | Norwegian | norwegisch | Oslo | Oslo | Norwegians | Norweger |
OM | | Sultanate of Oman | Sultanat Oman | Omani | omanisch | Muscat | Maskat | Omanis | Omaner |
PK | | Islamic Republic of Pakistan | Islamische Republik Pakistan | Pakistani | pakistanisch | Islamabad | Islamabad | Pakistanis | Pakistaner |
PW | | Republic of Palau | | Palauan | palauisch | Ngerulmud | Ngerulmud | | |
PA | | Republic of Panama | | Panamanian | panamaisch | Panama City | Panama-Stadt | Panamanians | Panamaer |
PG | | Independent State of Papua New Guinea; PNG | | Papua New Guinean | papua-neuguineisch | Port Moresby | Port Moresby | | |
PY | | Republic of Paraguay | | Paraguayan | paraguayisch | Asuncion; Asunción | Asunción; Asuncion | Paraguayans | Paraguayer |
PE | | Republic of Peru | | Peruvian | peruanisch | | | Peruvians | Peruaner |
PH | | Republic of the Philippines; the Philippines | | Philippine; Filipino | philippinisch | Manila; Malacanang; Malacañang | Manila; Malacañang | Filipinos | Philippiner; Filipinos |
PL | | Republic of Poland | Republik Polen | Polish | polnisch | Warsaw | Warschau | Poles | |
PT | | Portuguese Republic | | Portuguese | portugiesisch | Lisbon | Lissabon | | Portugiesen |
QA | | State of Qatar | | Qatari | katarisch | Doha | Doha | Qataris | Katarer |
RO | | | | Romanian | rumänisch | Bucharest | Bukarest | Romanians | Rumänen |
RU | | Russian Federation | Russische Föderation; Russischen Föderation | Russian | russisch | Moscow; the Kremlin; Kremlin | Moskau; Kreml | Russians | Russen |
RW | | Republic of Rwanda | | Rwandan; Rwandese | ruandisch | Kigali | Kigali | Rwandans | Ruander |
KN | Saint Kitts and Nevis | Saint Kitts and Nevis; St Kitts and Nevis; St. Kitts and Nevis | Saint Kitts und Nevis | Kittitian | | Basseterre | Basseterre | | |
LC | Saint Lucia | Saint Lucia; St Lucia | Saint Lucia | Saint Lucian | lucianisch | Castries | Castries | | |
VC | Saint Vincent and the Grenadines | Saint Vincent and the Grenadines; St. Vincent and the Grenadines; St Vincent and the Grenadines | Saint Vincent und die Grenadinen | Vincentian | vincentisch | Kingstown | Kingstown | | |
WS | | Independent State of Samoa | | Samoan | samoanisch | Apia | Apia | | |
SM | | Republic of San Marino | | Sammarinese | san-marinesisch | | | | |
ST | Sao Tome and Principe | São Tomé and Príncipe; Sao Tome and Principe | São Tomé und Príncipe; Sao Tome und Principe | Santomean | são-toméisch | | | | |
SA | | Kingdom of Saudi Arabia; KSA | Königreich Saudi-Arabien; Saudi Arabien; Saudiarabien | Saudi; Saudi Arabian | saudi-arabisch; saudisch | Riyadh | Riad | Saudis | Saudis; Saudi-Araber |
SN | | Republic of Senegal | | Senegalese | senegalesisch | Dakar | Dakar | | Senegalesen |
RS | | Republic of Serbia | Republik Serbien | Serbian | serbisch | Belgrade | Belgrad | | |
SC | | Republic of Seychelles; the Seychelles | | Seychellois | seychellisch | | | | |
SL | | Republic of Sierra Leone | | Sierra Leonean | sierra-leonisch | Freetown | Freetown | Sierra Leoneans | |
SG | | Republic of Singapore | | Singaporean | singapurisch | | | Singaporeans | Singapurer |
SK | | Slovak Republic | Slowakische Republik; Slowakischen Republik | Slovak; Slovakian | slowakisch | Bratislava | Bratislava; Pressburg | Slovaks | Slowaken |
SI | | Republic of Slovenia | | Slovenian; Slovene | slowenisch | Ljubljana | Ljubljana; Laibach | Slovenians; Slovenes | Slowenen |
SB | | | Salomon-Inseln; Salomoninseln | Solomon Islander | salomonisch | Honiara | Honiara | | |
SO | | Federal Republic of Somalia | | Somali; Somalian | somalisch | Mogadishu | Mogadischu | Somalis | Somalier |
ZA | | Republic of South Africa | Republik Südafrika | South African | südafrikanisch | Pretoria | Pretoria | South Africans | Südafrikaner |
SS | | Republic of South Sudan | Republik Südsudan | South Sudanese | südsudanesisch | Juba | Juba | | Südsudanesen |
ES | | Kingdom of Spain | Königreich Spanien | Spanish | spanisch | Madrid; La Moncloa; Moncloa | Madrid; Moncloa | Spaniards | Spanier |
LK | | Democratic Socialist Republic of Sri Lanka; Ceylon | Ceylon | Sri Lankan | sri-lankisch | Colombo | Colombo | Sri Lankans | Sri-Lanker |
SD | | Republic of the Sudan; Republic of Sudan; the Sudan | Republik Sudan | Sudanese | sudanesisch | Khartoum | Khartum | | Sudanesen |
SR | | Republic of Suriname; Surinam | Surinam | Surinamese | surinamisch | Paramaribo | Paramaribo | | |
SE | | Kingdom of Sweden | Königreich Schweden | Swedish | schwedisch | Stockholm | Stockholm | Swedes | Schweden |
CH | | Swiss Confederation | Schweizerische Eidgenossenschaft; Eidgenossenschaft | Swiss | schweizerisch | Bern; Berne | Bern | | Schweizer |
SY | | Syrian Arab Republic | Arabische Republik Syrien | Syrian | syrisch | Damascus | Damaskus | Syrians | Syrer |
TJ | | Republic of Tajikistan | Tadschikistans | Tajik; Tajikistani | tadschikisch | Dushanbe | Duschanbe | Tajiks | Tadschiken |
TZ | | United Republic of Tanzania | Vereinigte Republik Tansania | Tanzanian | tansanisch | Dodoma | Dodoma | Tanzanians | Tansanier |
TH | | Kingdom of Thailand; Siam | Königreich Thailand | Thai | thailändisch | Bangkok | Bangkok | Thais | Thailänder |
TL | Timor-Leste | East Timor; Democratic Republic of Timor-Leste | Osttimor; Ost-Timor | East Timorese; Timorese | osttimoresisch; timoresisch | Dili | Dili | | Osttimoresen |
TG | | Togolese Republic | | Togolese | togoisch; togolesisch | Lome; Lomé | Lomé; Lome | | Togoer |
TO | | Kingdom of Tonga | | Tongan | tongaisch | Nuku'alofa | Nuku'alofa | | |
TT | Trinidad and Tobago | Trinidad and Tobago; Trinidad | Trinidad | Trinidadian | trinidadisch | Port of Spain; Port-of-Spain | Port of Spain | Trinidadians | |
TN | | Tunisian Republic; Republic of Tunisia | | Tunisian | tunesisch | Tunis | Tunis | Tunisians | Tunesier |
TR | | Türkiye; Turkiye; Republic of Turkey; Republic of Türkiye | Türkiye; Turkei | Turkish | türkisch | Ankara | Ankara | Turks | Türken |
TM | | | Turkmenien | Turkmen | turkmenisch | Ashgabat; Ashkhabad | Aschgabat | Turkmens | Turkmenen |
TV | | | | Tuvaluan | tuvaluisch | Funafuti | Funafuti | | |
UG | | Republic of Uganda | | Ugandan | ugandisch | Kampala | Kampala | Ugandans | Ugander |
UA | | | Ukrainische Republik | Ukrainian | ukrainisch | Kyiv; Kiev | Kiew; Kyjiw; Kiev; Kyiv | Ukrainians | Ukrainer |
AE | | UAE; U.A.E.; the Emirates | Vereinigten Arabischen Emirate; Vereinigten Arabischen Emiraten; VAE; Emiraten | Emirati | emiratisch | Abu Dhabi | Abu Dhabi | Emiratis | Emiratis |
GB | | Britain; Great Britain; UK; U.K.; United Kingdom of Great Britain and Northern Ireland | Großbritannien; Grossbritannien; Vereinigten Königreich; Vereinigten Königreichs; Großbritanniens; Vereinigtes Königreich Großbritannien und Nordirland | British; UK | britisch | London; Downing Street; Whitehall | London; Downing Street | Britons; Brits | Briten |
US | | United States of America; USA; U.S.A.; US; U.S.; America; the United States; the US; the U.S. | Vereinigten Staaten; Vereinigte Staaten von Amerika; Vereinigten Staaten von Amerika; USA; US; Amerika; Amerikas | American; US; U.S. | amerikanisch; US-amerikanisch | Washington; the White House; White House; the Pentagon; Pentagon; State Department; the State Department; Capitol Hill; Oval Office | Washington; Weißes Haus; Weiße Haus; Weißen Haus; Weißen Hauses; Pentagon; US-Außenministerium | Americans | Amerikaner; US-Amerikaner | US
UY | | Oriental Republic of Uruguay | | Uruguayan | uruguayisch | Montevideo | Montevideo | Uruguayans | Uruguayer |
UZ | | Republic of Uzbekistan | Usbekistans | Uzbek; Uzbekistani | usbekisch | Tashkent | Taschkent | Uzbeks | Usbeken |
VU | | Republic of Vanuatu | | Ni-Vanuatu; Vanuatuan | vanuatuisch | Port Vila | Port Vila | | |
VE | | Bolivarian Republic of Venezuela | Bolivarische Republik Venezuela | Venezuelan | venezolanisch | Caracas; Miraflores Palace | Caracas | Venezuelans | Venezolaner |
VN | Vietnam | Viet Nam; Socialist Republic of Vietnam | Sozialistische Republik Vietnam | Vietnamese | vietnamesisch | Hanoi | Hanoi | | Vietnamesen | VTN
YE | | Republic of Yemen | Republik Jemen | Yemeni | jemenitisch | Sanaa; Sana'a | Sanaa | Yemenis | Jemeniten |
ZM | | Republic of Zambia | | Zambian | sambisch | Lusaka | Lusaka | Zambians | Sambier |
ZW | | Republic of Zimbabwe | | Zimbabwean | simbabwisch | Harare | Harare | Zimbabweans | Simbabwer |
PS | Palestine | State of Palestine; Palestinian Authority; Palestinian National Authority; Palestinian territories | Palästina; Palästinas; Staat Palästina; Palästinensische Autonomiebehörde; Palästinensischen Autonomiebehörde; Palästinenserbehörde; Autonomiebehörde | Palestinian | palästinensisch | Ramallah | Ramallah | Palestinians | Palästinenser |
VA | Holy See | Vatican; the Vatican; Vatican City; Vatican City State; the Holy See | Heiliger Stuhl; Heiligen Stuhl; Heiligen Stuhls; Vatikan; Vatikans; Vatikanstaat; Vatikanstadt | Vatican; papal | vatikanisch; päpstlich | | | | |
"""
